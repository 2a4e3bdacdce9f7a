-- Provider onboarding: sign-up applications and their review, who belongs to which provider, slug namespaces,
-- draft listings imported from a provider's List Models URL, the admin audit log and the portal inbox.

-- A signed-in portal user asks to become a provider. At most one pending application per user; a decision is
-- final (a rejected user may apply again). An approval links the provider it created.
create table provider_application (
    id                bigserial primary key,
    username          text not null,
    organisation      text not null check (length(organisation) between 2 and 200),
    contact_name      text not null check (length(contact_name) between 2 and 200),
    contact_email     text not null check (length(contact_email) between 3 and 254),
    website           text not null check (length(website) between 8 and 500),
    country           text not null check (country ~ '^[A-Z]{2}$'),
    terms_version     text not null,
    terms_accepted_at timestamptz not null,
    status            text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    provider_id       bigint references provider (id),
    created_at        timestamptz not null default now(),
    check ((status = 'pending') = (decided_at is null)),
    check ((status = 'pending') = (decided_by is null)),
    check (status <> 'rejected' or length(decision_reason) > 0),
    check ((status = 'approved') = (provider_id is not null))
);
create unique index provider_application_one_pending on provider_application (username) where status = 'pending';
create index provider_application_queue on provider_application (status, created_at);

-- The portal users who act for a provider (one provider per user for now).
create table provider_member (
    provider_id bigint not null references provider (id),
    username    text not null unique,
    created_at  timestamptz not null default now(),
    primary key (provider_id, username)
);

-- Who owns an author namespace of model slugs (the part before '/'): only its owner may propose new models under
-- it. Listing a model that is already in the registry needs no ownership.
create table model_author (
    author      text primary key check (author ~ '^[a-z0-9._-]{1,64}$'),
    provider_id bigint not null references provider (id),
    created_at  timestamptz not null default now()
);

-- Draft listings from an import: one per provider and upstream model (a later import updates it) and one per
-- provider and slug. Prices are what billing will charge, micro-USD per million tokens; the descriptive fields of
-- the import (modalities, parameters, features, description, deprecation date, datacenters) are kept in details.
create table listing_draft (
    id                           bigserial primary key,
    provider_id                  bigint not null references provider (id),
    upstream_model               text not null check (length(upstream_model) between 1 and 200),
    model_slug                   text not null check (model_slug ~ '^[a-z0-9._-]+/[a-z0-9._:-]+$'),
    name                         text not null,
    context_length               integer not null check (context_length > 0),
    max_output_tokens            integer not null check (max_output_tokens > 0),
    input_price_micros_per_mtok  bigint not null check (input_price_micros_per_mtok >= 0),
    output_price_micros_per_mtok bigint not null check (output_price_micros_per_mtok >= 0),
    quantization                 text,
    details                      jsonb not null,
    source_url                   text not null,
    new_model                    boolean not null,
    imported_at                  timestamptz not null default now(),
    unique (provider_id, upstream_model),
    unique (provider_id, model_slug)
);

-- Every admin (and later finance) action: who did what to which object, why and when. Append-only, enforced here.
create table audit_log (
    id         bigserial primary key,
    actor      text not null check (length(actor) > 0),
    action     text not null check (action ~ '^[a-z_.]+$'),
    target     text not null check (length(target) > 0),
    reason     text,
    created_at timestamptz not null default now()
);
create index audit_log_recent on audit_log (created_at desc);

create function audit_log_reject_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % rejected', TG_OP using errcode = 'restrict_violation';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_reject_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_reject_change();

-- Notices to one portal user (the bell in the portal's top bar).
create table inbox_notice (
    id         bigserial primary key,
    username   text not null,
    subject    text not null check (length(subject) between 1 and 200),
    body       text not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index inbox_notice_user on inbox_notice (username, created_at desc);
