-- A key's requests-per-minute limit (null: none), enforced per node on the hot path with a token bucket.
alter table api_key add column rate_limit_rpm integer check (rate_limit_rpm between 1 and 100000);
