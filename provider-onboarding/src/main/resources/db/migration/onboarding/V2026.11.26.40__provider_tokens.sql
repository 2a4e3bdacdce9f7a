-- Provider tokens: a provider's credentials for the provider API (/api/provider/v1), created and revoked by its
-- members in the portal. Stored as the SHA-256 hex of the secret (pk-mk-v1-…, shown once), scoped to one provider.
-- A token never calls models, and an API or management key never calls the provider API (different tables and
-- prefixes). Looked up per request (the provider API is control plane), so a revocation is in force at once on
-- every node.
create table provider_token (
    id           bigserial primary key,
    provider_id  bigint not null references provider (id),
    name         text not null check (length(name) between 1 and 100),
    token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    token_hint   text not null,
    created_by   text not null check (length(created_by) > 0),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    check ((revoked_at is null) = (revoked_by is null))
);
create index provider_token_provider on provider_token (provider_id, created_at desc);

-- At most one pending (neither applied nor cancelled) price change per listing: a provider cancels the pending one
-- before scheduling another, so the price a developer is warned about is the one that will apply.
create unique index listing_price_change_one_pending on listing_price_change (listing_id)
    where applied_at is null and cancelled_at is null;
