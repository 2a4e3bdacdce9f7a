-- Per-node key limit leases (decision 0018): a node reserves a slice of a limited key's remaining budget once and
-- then serves that key's calls from memory. While open, a lease's held_micros counts against the key's limit exactly
-- like an open key_hold: a key's spend = its usage since the period start + its open key holds + its open key leases.
-- Leases are granted under a lock of the api_key row. Charges of calls served from a lease shrink it
-- (held_micros -= cost) in the same transaction that inserts their usage record, so the spend does not move.
-- limit_micros, limit_reset and period_start are the terms the lease was last granted under: a node whose key
-- changed (limit, reset, disabled, revoked, expired) gives back what it does not use. A lease whose node stops
-- renewing it (expires_at, database clock) is returned by any node: status 'returned', held_micros 0.
create table key_lease (
    id               text        primary key check (length(id) between 1 and 255),
    api_key_id       bigint      not null references api_key (id),
    node_id          text        not null check (length(node_id) between 1 and 255),
    limit_micros     bigint      not null check (limit_micros >= 0),
    limit_reset      text        check (limit_reset in ('daily', 'weekly', 'monthly')),
    period_start     timestamptz not null,
    held_micros      bigint      not null check (held_micros >= 0),
    status           text        not null check (status in ('open', 'returned')),
    expires_at       timestamptz not null,
    recall_requested boolean     not null default false,
    returned_micros  bigint      check (returned_micros >= 0),
    created_at       timestamptz not null default now(),
    closed_at        timestamptz,
    check ((status = 'open') = (closed_at is null)),
    check (status = 'open' or held_micros = 0)
);

create index key_lease_open_key on key_lease (api_key_id) where status = 'open';
create index key_lease_open_expiry on key_lease (expires_at) where status = 'open';
