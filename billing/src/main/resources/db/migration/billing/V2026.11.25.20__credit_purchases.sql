-- Credit purchases through Stripe Checkout, and each developer's Stripe customer.
-- stripe_customer: one Stripe customer per developer, so a card saved at Checkout (setup_future_usage) can be
-- charged off-session later (auto top-up). credit_purchase: one row per Checkout Session the portal started, for the
-- purchase history and receipts; the money itself is in the ledger (journal stripe:checkout:<session_id>). Neither is
-- a ledger table: a purchase's status moves from open to paid in the transaction that posts its journal.

CREATE TABLE stripe_customer (
    developer_id bigint      PRIMARY KEY CHECK (developer_id > 0),
    customer_id  text        NOT NULL UNIQUE CHECK (length(customer_id) BETWEEN 1 AND 255),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE credit_purchase (
    session_id        text        PRIMARY KEY CHECK (length(session_id) BETWEEN 1 AND 255),
    developer_id      bigint      NOT NULL CHECK (developer_id > 0),
    credit_cents      bigint      NOT NULL CHECK (credit_cents > 0),
    fee_cents         bigint      NOT NULL CHECK (fee_cents >= 0),
    total_cents       bigint      NOT NULL CHECK (total_cents = credit_cents + fee_cents),
    currency          text        NOT NULL CHECK (currency = 'usd'),
    status            text        NOT NULL CHECK (status IN ('open', 'paid')),
    payment_intent_id text        CHECK (length(payment_intent_id) BETWEEN 1 AND 255),
    created_at        timestamptz NOT NULL DEFAULT now(),
    paid_at           timestamptz,
    CHECK ((status = 'paid') = (paid_at IS NOT NULL))
);

CREATE INDEX credit_purchase_developer_idx ON credit_purchase (developer_id, created_at DESC, session_id);
