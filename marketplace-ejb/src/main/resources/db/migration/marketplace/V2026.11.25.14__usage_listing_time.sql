-- The endpoints list (GET /v1/models/{author}/{slug}/endpoints) reads each listing's last day of usage records.
-- Without this index that read is a sequential scan of the whole usage history: measured on 6M records (2M in the
-- last day, 50 listings) 290-350 ms and growing with the table; with it a bitmap scan of the listings' own last
-- day, about 31 ms whatever the history. It costs about 0.5 µs per inserted usage record (200k-row insert:
-- ~1.0 s with it against ~0.9 s without).
create index usage_record_listing_time on usage_record (listing_id, created_at);
