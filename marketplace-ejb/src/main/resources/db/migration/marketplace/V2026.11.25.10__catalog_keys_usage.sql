-- Catalog, developers, keys and usage records: the marketplace's control plane and its metering.
-- Money columns are bigint micro-USD; prices are micro-USD per million tokens.

create table provider (
    id                bigserial primary key,
    slug              text not null unique,
    name              text not null,
    platform_operated boolean not null default false,
    take_rate_bps     integer not null default 500 check (take_rate_bps between 0 and 10000),
    status            text not null default 'active' check (status in ('active', 'suspended')),
    created_at        timestamptz not null default now()
);

create table provider_endpoint (
    id          bigserial primary key,
    provider_id bigint not null references provider (id),
    name        text not null,
    base_url    text not null,
    adapter_id  text not null,
    api_key     text,
    timeout_ms  integer not null default 60000 check (timeout_ms > 0),
    status      text not null default 'active' check (status in ('active', 'disabled')),
    created_at  timestamptz not null default now(),
    unique (provider_id, name)
);

create table model (
    id                bigserial primary key,
    slug              text not null unique check (slug ~ '^[a-z0-9._-]+/[a-z0-9._:-]+$'),
    name              text not null,
    description       text not null default '',
    context_length    integer not null check (context_length > 0),
    max_output_tokens integer not null check (max_output_tokens > 0),
    created_at        timestamptz not null default now()
);

create table listing (
    id                           bigserial primary key,
    model_id                     bigint not null references model (id),
    endpoint_id                  bigint not null references provider_endpoint (id),
    upstream_model               text not null,
    input_price_micros_per_mtok  bigint not null check (input_price_micros_per_mtok >= 0),
    output_price_micros_per_mtok bigint not null check (output_price_micros_per_mtok >= 0),
    status                       text not null default 'active' check (status in ('active', 'paused')),
    created_at                   timestamptz not null default now(),
    unique (model_id, endpoint_id)
);

create table developer (
    id         bigserial primary key,
    username   text not null unique,
    email      text,
    created_at timestamptz not null default now()
);

create table api_key (
    id           bigserial primary key,
    developer_id bigint not null references developer (id),
    name         text not null check (length(name) between 1 and 100),
    key_hash     text not null unique,
    key_hint     text not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);
create index api_key_developer on api_key (developer_id, created_at desc);

-- One row per generation; its id is also the idempotency key of the usage journal in the ledger.
create table usage_record (
    id                text primary key,
    developer_id      bigint not null references developer (id),
    api_key_id        bigint not null references api_key (id),
    model_slug        text not null,
    provider_slug     text not null,
    listing_id        bigint not null references listing (id),
    prompt_tokens     integer not null default 0,
    completion_tokens integer not null default 0,
    cost_micros       bigint not null default 0 check (cost_micros >= 0),
    hold_micros       bigint not null default 0,
    latency_ms        integer not null default 0,
    status            text not null check (status in ('ok', 'error', 'cancelled')),
    finish_reason     text,
    streamed          boolean not null default false,
    capped            boolean not null default false,
    created_at        timestamptz not null default now()
);
create index usage_record_developer on usage_record (developer_id, created_at desc);
