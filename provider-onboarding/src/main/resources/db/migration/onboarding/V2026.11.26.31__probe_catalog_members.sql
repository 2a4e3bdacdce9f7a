-- The catalog snapshot also knows which developers act for which provider (for the self-test routes of a provider's
-- non-live listings), so a change of membership bumps the catalog version, and so does a new developer row of a user
-- who is already a member (the developer row is created on the user's first key).
create trigger provider_member_catalog_version after insert or update or delete on provider_member
    for each statement execute function catalog_version_bump();

create function developer_member_catalog_bump() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from provider_member m where m.username = new.username) then
        update catalog_version set version = version + 1, changed_at = now();
    end if;
    return null;
end
$$;

create trigger developer_member_catalog_version after insert on developer
    for each row execute function developer_member_catalog_bump();

-- The re-probe timer and the pause rule read a listing's runs newest first; running runs are claimed per listing.
create unique index listing_probe_one_running on listing_probe (listing_id) where status = 'running';
