-- Kinds of marketplace key and per-key settings.
-- kind 'api' calls models; kind 'management' manages its developer's API keys and cannot call models.
-- credit_limit_micros (null: no limit) and limit_reset (null: never) are enforced by the hot path; a disabled or
-- expired key is refused by the key authenticator. updated_at is stamped on every change: each node polls it to
-- drop changed keys from its cache.
alter table api_key
    add column kind                text not null default 'api' check (kind in ('api', 'management')),
    add column disabled            boolean not null default false,
    add column credit_limit_micros bigint check (credit_limit_micros >= 0),
    add column limit_reset         text check (limit_reset in ('daily', 'weekly', 'monthly')),
    add column expires_at          timestamptz,
    add column updated_at          timestamptz not null default now();

create index api_key_updated on api_key (updated_at);

-- A key's usage (GET /key, GET /keys) and its limit period are sums over its usage records.
create index usage_record_api_key on usage_record (api_key_id, created_at);
