-- Per-node balance leases (decision 0007): a node reserves a slice of an account's available balance once and then
-- serves the holds of many calls from memory. While open, a lease's held_micros is part of the account's
-- account_balance.held_micros, exactly like an open hold: available = balance - open holds - open leases.
-- Charges of calls served from a lease shrink it (held_micros -= cost) in the charge's own transaction. A lease whose
-- node stops renewing it (expires_at, set from the database clock) is returned by any node: status 'returned',
-- held_micros back to 0, the amount given back recorded in returned_micros.
create table balance_lease (
    id               text        primary key check (length(id) between 1 and 255),
    account_code     text        not null references ledger_account (code),
    node_id          text        not null check (length(node_id) between 1 and 255),
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

create index balance_lease_open_account on balance_lease (account_code) where status = 'open';
create index balance_lease_open_node on balance_lease (node_id) where status = 'open';
create index balance_lease_open_expiry on balance_lease (expires_at) where status = 'open';
