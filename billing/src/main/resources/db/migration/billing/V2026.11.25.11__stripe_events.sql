-- Stripe webhook events received on the platform endpoint, one row per event id. The primary key is the
-- deduplication: the row is inserted in the same transaction as the event's effect (e.g. a purchase journal),
-- so an event delivered twice, or by two threads at once, takes effect once. The row also records what was
-- done with the event. Not a ledger table: outcome and processed_at are set later in that same transaction.

CREATE TABLE stripe_event (
    id           text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
    type         text        NOT NULL CHECK (length(type) BETWEEN 1 AND 255),
    payload      jsonb       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    outcome      text        CHECK (outcome IN ('credited', 'already_credited', 'awaiting_payment', 'ignored',
                                                'unhandled')),
    note         text        CHECK (length(note) <= 1000),
    processed_at timestamptz,
    CHECK ((outcome IS NULL) = (processed_at IS NULL))
);

CREATE INDEX stripe_event_type_received_idx ON stripe_event (type, received_at);
