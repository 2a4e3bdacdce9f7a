-- Liveness of gateway nodes: each node writes its id and the database time here every few seconds
-- (metering.infrastructure.NodeHeartbeat). A node whose row stopped moving is dead, and the open holds it owned
-- (ledger_hold.owner) are released by any other node (StaleHoldSweeper).
create table node_heartbeat (
    node_id    text primary key check (length(node_id) between 1 and 255),
    started_at timestamptz not null default now(),
    seen_at    timestamptz not null default now()
);
