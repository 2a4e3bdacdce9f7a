-- Refunds, disputes, auto top-up and low-balance alerts. Money still moves only through ledger journals under
-- unique idempotency keys; these tables remember what Stripe told us and which developer a payment was for.

-- Which developer a Stripe payment intent paid for: written in the transaction that credits it (a Checkout
-- purchase or an auto top-up), never changed. Refunds and disputes of the payment find their developer here.
CREATE TABLE stripe_payment (
    payment_intent_id text        PRIMARY KEY CHECK (length(payment_intent_id) BETWEEN 1 AND 255),
    developer_id      bigint      NOT NULL CHECK (developer_id > 0),
    credited_micros   bigint      NOT NULL CHECK (credited_micros > 0),
    source            text        NOT NULL CHECK (source IN ('checkout', 'auto_top_up')),
    journal_key       text        NOT NULL CHECK (length(journal_key) BETWEEN 1 AND 255),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER stripe_payment_append_only BEFORE UPDATE OR DELETE ON stripe_payment
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER stripe_payment_no_truncate BEFORE TRUNCATE ON stripe_payment
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- The highest cumulative amount_refunded Stripe reported per charge. What was already reversed is read from the
-- ledger (refund journals of the charge), so this row only says how far the reversal must go.
CREATE TABLE stripe_charge_refund (
    charge_id         text        PRIMARY KEY CHECK (length(charge_id) BETWEEN 1 AND 255),
    payment_intent_id text        NOT NULL CHECK (length(payment_intent_id) BETWEEN 1 AND 255),
    refunded_cents    bigint      NOT NULL CHECK (refunded_cents >= 0),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stripe_charge_refund_intent_idx ON stripe_charge_refund (payment_intent_id);

-- Disputes as Stripe last reported them: open until closed as won or lost (once closed, it stays closed).
CREATE TABLE stripe_dispute (
    dispute_id        text        PRIMARY KEY CHECK (length(dispute_id) BETWEEN 1 AND 255),
    charge_id         text        CHECK (length(charge_id) <= 255),
    payment_intent_id text        NOT NULL CHECK (length(payment_intent_id) BETWEEN 1 AND 255),
    amount_cents      bigint      NOT NULL CHECK (amount_cents > 0),
    fee_cents         bigint      NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    status            text        NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stripe_dispute_intent_idx ON stripe_dispute (payment_intent_id);

-- A developer's card saved for off-session charges (Checkout with setup_future_usage, or in setup mode).
CREATE TABLE saved_payment_method (
    developer_id      bigint      PRIMARY KEY CHECK (developer_id > 0),
    customer_id       text        NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 255),
    payment_method_id text        NOT NULL CHECK (length(payment_method_id) BETWEEN 1 AND 255),
    saved_at          timestamptz NOT NULL DEFAULT now()
);

-- Auto top-up per developer. state: armed (will charge when below the threshold), charging (a crossing was
-- claimed and the charge is being made; retried with the same idempotency key if the node died), charged
-- (waiting for the balance to be back at or above the threshold, which re-arms it). crossing counts the
-- crossings charged, so (developer, crossing) names one charge for Stripe's idempotency key.
CREATE TABLE auto_top_up (
    developer_id      bigint      PRIMARY KEY CHECK (developer_id > 0),
    enabled           boolean     NOT NULL DEFAULT false,
    threshold_micros  bigint      NOT NULL CHECK (threshold_micros >= 0),
    amount_micros     bigint      NOT NULL CHECK (amount_micros > 0 AND amount_micros % 10000 = 0),
    state             text        NOT NULL DEFAULT 'armed' CHECK (state IN ('armed', 'charging', 'charged')),
    crossing          bigint      NOT NULL DEFAULT 0 CHECK (crossing >= 0),
    state_since       timestamptz NOT NULL DEFAULT now(),
    last_payment_intent_id text   CHECK (length(last_payment_intent_id) <= 255),
    last_failure      text        CHECK (length(last_failure) <= 1000),
    last_failure_at   timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX auto_top_up_enabled_idx ON auto_top_up (developer_id) WHERE enabled;

-- Low-balance alert per developer: fired once when the available balance falls below the threshold, re-armed
-- when it is back at or above it.
CREATE TABLE low_balance_alert (
    developer_id     bigint      PRIMARY KEY CHECK (developer_id > 0),
    threshold_micros bigint      NOT NULL CHECK (threshold_micros > 0),
    fired            boolean     NOT NULL DEFAULT false,
    fired_at         timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The webhook outcomes grow with the new handlers; any short snake_case word is accepted.
ALTER TABLE stripe_event DROP CONSTRAINT IF EXISTS stripe_event_outcome_check;
ALTER TABLE stripe_event ADD CONSTRAINT stripe_event_outcome_check CHECK (outcome ~ '^[a-z_]{1,64}$');
