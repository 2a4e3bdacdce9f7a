-- Settlement statements, their four-eyes approval, payouts by Stripe Transfer and the connected accounts' own bank
-- payouts (shown for information). Money still moves only through ledger journals under unique idempotency keys;
-- these tables say what was settled, who approved it and which transfer paid it. No foreign keys to the catalog:
-- billing depends on nothing of ours (provider ids are plain numbers here).

-- A provider's settlement period and minimum payout; a provider without a row uses the defaults
-- (MARKET_SETTLEMENT_FREQUENCY, MARKET_MINIMUM_PAYOUT_MICROS).
CREATE TABLE settlement_setting (
    provider_id           bigint      PRIMARY KEY CHECK (provider_id > 0),
    frequency             text        NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    minimum_payout_micros bigint      NOT NULL CHECK (minimum_payout_micros >= 0),
    updated_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- One statement per provider and period [period_start, period_end) (UTC, by posting time). Its figures are sums of
-- posted ledger lines, fixed when it is created; a re-run finds this row instead of making a second one.
--   due = carried_in + net (usage) + adjustments; payout = due rounded down to the cent when due reaches the
--   minimum payout, else 0; carried_out = due - payout (goes into the next statement's carried_in).
-- status: prepared_by/approved_by are two different finance users (four-eyes, also checked here);
-- 'platform' = a provider the platform operates: its share was posted to platform:revenue:platform-provider at charge
-- time, so the statement only reports it (lines from that account attributed to the provider); never paid.
CREATE TABLE settlement_statement (
    id                 bigserial   PRIMARY KEY,
    provider_id        bigint      NOT NULL CHECK (provider_id > 0),
    payee_account      text        NOT NULL,
    frequency          text        NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    period_start       timestamptz NOT NULL,
    period_end         timestamptz NOT NULL CHECK (period_end > period_start),
    requests           bigint      NOT NULL CHECK (requests >= 0),
    gross_micros       bigint      NOT NULL,
    fee_micros         bigint      NOT NULL,
    net_micros         bigint      NOT NULL,
    adjustments_micros bigint      NOT NULL,
    carried_in_micros  bigint      NOT NULL,
    payout_micros      bigint      NOT NULL CHECK (payout_micros >= 0 AND payout_micros % 10000 = 0),
    carried_out_micros bigint      NOT NULL,
    minimum_payout_micros bigint   NOT NULL CHECK (minimum_payout_micros >= 0),
    status             text        NOT NULL CHECK (status IN ('draft', 'prepared', 'approved', 'paid', 'platform')),
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    prepared_by        text,
    prepared_at        timestamptz,
    approved_by        text,
    approved_at        timestamptz,
    UNIQUE (provider_id, period_start, period_end),
    CHECK (status = 'platform' OR carried_in_micros + net_micros + adjustments_micros = payout_micros + carried_out_micros),
    CHECK (status <> 'platform' OR (payout_micros = 0 AND carried_out_micros = 0 AND carried_in_micros = 0)),
    CHECK (gross_micros = net_micros + fee_micros),
    CHECK (approved_by IS NULL OR (prepared_by IS NOT NULL AND approved_by <> prepared_by)),
    CHECK ((status IN ('approved', 'paid')) = (approved_by IS NOT NULL)),
    CHECK (status = 'draft' OR status = 'platform' OR prepared_by IS NOT NULL)
);
CREATE INDEX settlement_statement_provider_idx ON settlement_statement (provider_id, period_end DESC);

-- Lines: usage per model and UTC day, and adjustments (other journals that moved the payable, with their reason).
CREATE TABLE settlement_line (
    id            bigserial PRIMARY KEY,
    statement_id  bigint    NOT NULL REFERENCES settlement_statement (id),
    kind          text      NOT NULL CHECK (kind IN ('usage', 'adjustment')),
    day           date      NOT NULL,
    model         text      NOT NULL,
    requests      bigint    NOT NULL CHECK (requests >= 0),
    prompt_tokens bigint    NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens bigint NOT NULL CHECK (completion_tokens >= 0),
    gross_micros  bigint    NOT NULL,
    fee_micros    bigint    NOT NULL,
    net_micros    bigint    NOT NULL,
    reason        text,
    CHECK (gross_micros = net_micros + fee_micros),
    CHECK (kind = 'usage' OR reason IS NOT NULL)
);
CREATE INDEX settlement_line_statement_idx ON settlement_line (statement_id, day, model);

CREATE TRIGGER settlement_line_append_only BEFORE UPDATE OR DELETE ON settlement_line
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER settlement_line_no_truncate BEFORE TRUNCATE ON settlement_line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- The Stripe Transfer that pays a statement: one per statement. transfer_id is null between claiming the payout and
-- Stripe's answer; a retry finds the transfer at Stripe by transfer_group (= statement id) before creating one.
-- status: created (journal posted payable -> stripe:clearing) or reversed (transfer.reversed: journal back).
CREATE TABLE payout_transfer (
    statement_id       bigint      PRIMARY KEY REFERENCES settlement_statement (id),
    provider_id        bigint      NOT NULL CHECK (provider_id > 0),
    destination        text        NOT NULL CHECK (destination ~ '^acct_[A-Za-z0-9]+$'),
    amount_cents       bigint      NOT NULL CHECK (amount_cents > 0),
    idempotency_key    text        NOT NULL UNIQUE,
    source_transaction text,
    transfer_id        text        UNIQUE,
    status             text        NOT NULL CHECK (status IN ('claimed', 'created', 'reversed')),
    reversed_cents     bigint      NOT NULL DEFAULT 0 CHECK (reversed_cents >= 0),
    paid_by            text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'claimed') = (transfer_id IS NULL))
);

-- A connected account's own bank payout (Connect events payout.paid / payout.failed): information for the provider
-- and finance only, it moves none of our money. One row per Stripe payout, last state wins.
CREATE TABLE connect_payout (
    payout_id      text        PRIMARY KEY CHECK (payout_id ~ '^po_[A-Za-z0-9_]+$'),
    account_id     text        NOT NULL CHECK (account_id ~ '^acct_[A-Za-z0-9]+$'),
    amount_cents   bigint      NOT NULL,
    currency       text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('paid', 'failed')),
    failure_message text,
    arrival_date   timestamptz,
    event_id       text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connect_payout_account_idx ON connect_payout (account_id, updated_at DESC);
