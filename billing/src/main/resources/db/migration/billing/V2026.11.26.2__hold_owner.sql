-- Who placed an open hold (a gateway node's id), when the placer keeps a heartbeat: the holds of a node that died
-- between hold and settlement are then released once the node is known dead (about 20 seconds) instead of after
-- the stale-hold age. Null for holds placed by processes without a heartbeat (those wait for the stale-hold sweep).
alter table ledger_hold add column owner text check (length(owner) between 1 and 255);
create index ledger_hold_open_owner on ledger_hold (owner) where status = 'open' and owner is not null;
