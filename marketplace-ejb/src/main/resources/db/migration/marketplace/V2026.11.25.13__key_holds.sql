-- Which key an open hold was placed for, so that a key's credit limit counts its calls in flight as well as its
-- settled usage. Written in the same group transaction as the hold; the hold's own status (billing's ledger_hold)
-- says whether it is still open.
create table key_hold (
    hold_id       text primary key,
    api_key_id    bigint not null references api_key (id),
    amount_micros bigint not null check (amount_micros > 0),
    created_at    timestamptz not null default now()
);
create index key_hold_key on key_hold (api_key_id, created_at);
