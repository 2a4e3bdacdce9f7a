-- Events received on the Connect webhook endpoint (/api/webhooks/stripe-connect, its own signing secret): about
-- connected accounts (account.updated, payout.paid, payout.failed, ...). One row per event id, inserted in the same
-- transaction as the event's effect, so a redelivered event takes effect once; events with no handler yet are kept
-- ('unhandled', payload kept) for a handler added later. created is Stripe's event time: events arrive unordered.
create table stripe_connect_event (
    id           text        primary key check (length(id) between 1 and 255),
    type         text        not null check (length(type) between 1 and 255),
    account      text        check (length(account) between 1 and 255),
    created      timestamptz not null,
    payload      jsonb       not null,
    received_at  timestamptz not null default now(),
    outcome      text        check (outcome in ('applied', 'ignored', 'unhandled')),
    note         text        check (length(note) <= 1000),
    processed_at timestamptz,
    check ((outcome is null) = (processed_at is null))
);
create index stripe_connect_event_account on stripe_connect_event (account, created);
create index stripe_connect_event_type_received on stripe_connect_event (type, received_at);
