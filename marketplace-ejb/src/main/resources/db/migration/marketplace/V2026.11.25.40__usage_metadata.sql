-- The request's `metadata` object (OpenAI's: at most 16 string pairs, keys up to 64 and values up to 512
-- characters, bounded by the gateway before it gets here), null when the request had none. The portal's activity
-- page breaks spend, tokens and requests down by a metadata key's values. No index: those reads go by developer and
-- time (usage_record_developer) and filter the developer's own rows.
alter table usage_record add column metadata jsonb check (metadata is null or jsonb_typeof(metadata) = 'object');
