-- usage_record's three foreign keys (developer, API key, listing) checked every inserted row with three queries,
-- each locking the parent row (FOR KEY SHARE): 14% of the database's CPU at 64 connections, for a group commit of
-- many calls of the same developer, key and listing (decision 0023). One statement-level trigger now checks all
-- rows of an INSERT in one query and refuses the statement with the same error code as the keys did.
-- The keys' other side (a parent deleted or renumbered while usage refers to it) is closed by never deleting or
-- renumbering developers, API keys or listings, which the application never did (keys are revoked, listings
-- retired, developers kept: usage and money records refer to them for good): a trigger on each table refuses it.
-- With no DELETE possible, checking the parents without locking them cannot race with one.
ALTER TABLE usage_record
    DROP CONSTRAINT usage_record_developer_id_fkey,
    DROP CONSTRAINT usage_record_api_key_id_fkey,
    DROP CONSTRAINT usage_record_listing_id_fkey;

CREATE FUNCTION usage_records_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.id, n.developer_id, n.api_key_id, n.listing_id,
           d.id IS NULL AS no_developer, k.id IS NULL AS no_key
      INTO bad
      FROM new_rows n
      LEFT JOIN developer d ON d.id = n.developer_id
      LEFT JOIN api_key k ON k.id = n.api_key_id
      LEFT JOIN listing l ON l.id = n.listing_id
     WHERE d.id IS NULL OR k.id IS NULL OR l.id IS NULL
     LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    ELSIF bad.no_developer THEN
        RAISE EXCEPTION 'usage_record % refers to developer %, which does not exist', bad.id, bad.developer_id
            USING ERRCODE = 'foreign_key_violation';
    ELSIF bad.no_key THEN
        RAISE EXCEPTION 'usage_record % refers to API key %, which does not exist', bad.id, bad.api_key_id
            USING ERRCODE = 'foreign_key_violation';
    ELSE
        RAISE EXCEPTION 'usage_record % refers to listing %, which does not exist', bad.id, bad.listing_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
END
$$;

CREATE TRIGGER usage_record_references_checked AFTER INSERT ON usage_record
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION usage_records_inserted();

CREATE FUNCTION usage_parent_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.id = NEW.id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are never deleted or renumbered: usage records refer to them (revoke a key, retire a listing)',
        TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER developer_kept BEFORE DELETE OR UPDATE OF id ON developer
    FOR EACH ROW EXECUTE FUNCTION usage_parent_kept();
CREATE TRIGGER api_key_kept BEFORE DELETE OR UPDATE OF id ON api_key
    FOR EACH ROW EXECUTE FUNCTION usage_parent_kept();
CREATE TRIGGER listing_kept BEFORE DELETE OR UPDATE OF id ON listing
    FOR EACH ROW EXECUTE FUNCTION usage_parent_kept();
