-- Issue 6's shared catalog schema, agreed before the work split: the listing lifecycle, every price field billing
-- charges, effective-dated price and take-rate changes, and verification probe results. Each feature adds its own
-- tables in its own migration; these are the ones several features read.

-- Lifecycle: draft (imported or created, not routed) → pending (submitted, probe passed, waiting for an admin's first
-- approval) → live (routed) → paused (by the provider, or by three failed probes in a row) → retired (final).
-- suspended: an admin stopped it (only an admin lifts it). Only 'live' listings are routed to paying developers.
alter table listing drop constraint listing_status_check;
update listing set status = 'live' where status = 'active';
alter table listing alter column status set default 'draft';
alter table listing add constraint listing_status_check
    check (status in ('draft', 'pending', 'live', 'paused', 'retired', 'suspended'));

-- Every price field of OpenRouter's provider format that billing charges (all micro-USD; 0 = free):
--   request_price_micros: per request; cache_read/_write: per million cached prompt tokens read from / written to
--   the provider's prompt cache (charged instead of the input price for those tokens);
--   tier_*: an optional second context tier: when a request's prompt tokens exceed tier_min_context, the whole
--   request is charged at the tier's input/output prices (all three null, or all three set).
alter table listing
    add column request_price_micros              bigint not null default 0 check (request_price_micros >= 0),
    add column cache_read_price_micros_per_mtok  bigint not null default 0 check (cache_read_price_micros_per_mtok >= 0),
    add column cache_write_price_micros_per_mtok bigint not null default 0 check (cache_write_price_micros_per_mtok >= 0),
    add column tier_min_context                  integer check (tier_min_context > 0),
    add column tier_input_price_micros_per_mtok  bigint check (tier_input_price_micros_per_mtok >= 0),
    add column tier_output_price_micros_per_mtok bigint check (tier_output_price_micros_per_mtok >= 0),
    add column quantization                      text,
    add column published_at                      timestamptz,
    add column status_reason                     text,
    add constraint listing_tier_all_or_none check (
        (tier_min_context is null) = (tier_input_price_micros_per_mtok is null)
        and (tier_min_context is null) = (tier_output_price_micros_per_mtok is null));

alter table provider_endpoint drop constraint provider_endpoint_status_check;
alter table provider_endpoint add constraint provider_endpoint_status_check
    check (status in ('active', 'disabled', 'suspended'));

-- A scheduled price change of one listing: the complete new price set, in effect from effective_at. Increases need
-- notice (effective_at ≥ scheduling time + the notice period, 7 days by default); decreases may take effect at once.
-- A timer copies due changes onto the listing (applied_at) in one transaction, which bumps the catalog version.
create table listing_price_change (
    id                                bigserial primary key,
    listing_id                        bigint not null references listing (id),
    input_price_micros_per_mtok       bigint not null check (input_price_micros_per_mtok >= 0),
    output_price_micros_per_mtok      bigint not null check (output_price_micros_per_mtok >= 0),
    request_price_micros              bigint not null default 0 check (request_price_micros >= 0),
    cache_read_price_micros_per_mtok  bigint not null default 0 check (cache_read_price_micros_per_mtok >= 0),
    cache_write_price_micros_per_mtok bigint not null default 0 check (cache_write_price_micros_per_mtok >= 0),
    tier_min_context                  integer check (tier_min_context > 0),
    tier_input_price_micros_per_mtok  bigint check (tier_input_price_micros_per_mtok >= 0),
    tier_output_price_micros_per_mtok bigint check (tier_output_price_micros_per_mtok >= 0),
    effective_at                      timestamptz not null,
    created_by                        text not null,
    created_at                        timestamptz not null default now(),
    applied_at                        timestamptz,
    cancelled_at                      timestamptz,
    check (applied_at is null or cancelled_at is null),
    check ((tier_min_context is null) = (tier_input_price_micros_per_mtok is null)
        and (tier_min_context is null) = (tier_output_price_micros_per_mtok is null))
);
create index listing_price_change_due on listing_price_change (effective_at)
    where applied_at is null and cancelled_at is null;
create index listing_price_change_listing on listing_price_change (listing_id, effective_at);

-- A provider's take rate from effective_at on (admin action, audited). The timer applies due rows to
-- provider.take_rate_bps, which the hot path reads from the catalog snapshot; every charge journal records the split
-- it used, so settlement never recomputes at today's rate.
create table provider_take_rate_change (
    id            bigserial primary key,
    provider_id   bigint not null references provider (id),
    take_rate_bps integer not null check (take_rate_bps between 0 and 10000),
    effective_at  timestamptz not null,
    reason        text not null check (length(reason) > 0),
    created_by    text not null,
    created_at    timestamptz not null default now(),
    applied_at    timestamptz
);
create index provider_take_rate_change_due on provider_take_rate_change (effective_at) where applied_at is null;

-- One verification probe run of one listing (kept; the latest decides). A listing can go live only when its latest
-- finished run passed. details: per check (protocol, completion, streaming, usage vs tokenizer, latency).
create table listing_probe (
    id          bigserial primary key,
    listing_id  bigint not null references listing (id),
    trigger     text not null check (trigger in ('provider', 'schedule', 'admin')),
    status      text not null default 'running' check (status in ('running', 'passed', 'failed')),
    details     jsonb not null default '[]'::jsonb,
    latency_ms  integer,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    check ((status = 'running') = (finished_at is null))
);
create index listing_probe_latest on listing_probe (listing_id, started_at desc);

-- A provider's Stripe Connect Express account (created by the platform through billing's ConnectedAccounts port),
-- its state kept from account.updated events on the Connect webhook endpoint. Paid traffic reaches a provider only
-- when transfers_capability is 'active' (platform-operated and admin-seeded providers are exempt); settlement pays
-- approved statements to stripe_account_id.
create table provider_payout_account (
    provider_id          bigint primary key references provider (id),
    stripe_account_id    text not null unique check (stripe_account_id ~ '^acct_[A-Za-z0-9]+$'),
    details_submitted    boolean not null default false,
    charges_enabled      boolean not null default false,
    payouts_enabled      boolean not null default false,
    transfers_capability text not null default 'inactive' check (transfers_capability in ('inactive', 'pending', 'active')),
    requirements_due     jsonb not null default '[]'::jsonb,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create trigger provider_payout_account_catalog_version after insert or update or delete on provider_payout_account
    for each statement execute function catalog_version_bump();
