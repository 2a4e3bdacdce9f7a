-- Three-way reconciliation (ledger journals <-> usage records <-> Stripe balance transactions) and period close.
-- A period is a half-open UTC interval [starts_at, ends_at); periods follow each other without gaps. A period closes
-- only at zero unexplained difference; once closed, nothing dated inside it can be written any more (triggers below):
-- no journal, no posting, no change to its differences or runs. Later corrections land in the open period.

CREATE TABLE recon_period (
    id         bigserial   PRIMARY KEY,
    starts_at  timestamptz NOT NULL UNIQUE,
    ends_at    timestamptz NOT NULL UNIQUE,
    status     text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at  timestamptz,
    closed_by  text        CHECK (length(closed_by) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

-- One run of the matcher over a period: what it read and what it found. Re-runs add rows; differences are upserted.
CREATE TABLE recon_run (
    id                 bigserial   PRIMARY KEY,
    period_id          bigint      NOT NULL REFERENCES recon_period (id),
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    stripe_transactions bigint     NOT NULL DEFAULT 0,
    ledger_journals    bigint      NOT NULL DEFAULT 0,
    usage_records      bigint      NOT NULL DEFAULT 0,
    differences        bigint      NOT NULL DEFAULT 0,
    unexplained        bigint      NOT NULL DEFAULT 0,
    run_by             text        NOT NULL CHECK (length(run_by) BETWEEN 1 AND 200)
);

CREATE INDEX recon_run_period_idx ON recon_run (period_id, id DESC);

-- One difference per period, component and join key (a payment intent, charge, dispute, transfer or usage id).
-- status: open (unexplained), corrected (a correcting journal was posted), timing (finance marked it as timing,
-- carried to the next period), carried (the other half of a timing difference marked in an earlier period),
-- cleared (a later run no longer finds it, e.g. a late webhook arrived).
CREATE TABLE recon_difference (
    id              bigserial   PRIMARY KEY,
    period_id       bigint      NOT NULL REFERENCES recon_period (id),
    class           text        NOT NULL CHECK (class IN ('missing_in_ledger', 'missing_at_stripe', 'amount_differs',
                                                          'timing', 'usage_without_journal', 'journal_without_usage')),
    component       text        NOT NULL CHECK (component IN ('charge', 'fee', 'refund', 'dispute', 'transfer',
                                                              'other', 'usage')),
    join_key        text        NOT NULL CHECK (length(join_key) BETWEEN 1 AND 255),
    stripe_micros   bigint      NOT NULL,
    ledger_micros   bigint      NOT NULL,
    usage_micros    bigint      NOT NULL DEFAULT 0,
    stripe_refs     text        NOT NULL DEFAULT '' CHECK (length(stripe_refs) <= 2000),
    ledger_refs     text        NOT NULL DEFAULT '' CHECK (length(ledger_refs) <= 2000),
    status          text        NOT NULL DEFAULT 'open'
                                CHECK (status IN ('open', 'corrected', 'timing', 'carried', 'cleared')),
    hint_account    text        CHECK (length(hint_account) <= 200),
    journal_key     text        UNIQUE CHECK (length(journal_key) <= 255),
    correction_micros bigint,
    reason          text        CHECK (length(reason) <= 1000),
    resolved_by     text        CHECK (length(resolved_by) <= 200),
    resolved_at     timestamptz,
    first_run_id    bigint      NOT NULL REFERENCES recon_run (id),
    last_run_id     bigint      NOT NULL REFERENCES recon_run (id),
    UNIQUE (period_id, component, join_key),
    CHECK (status IN ('open', 'cleared', 'carried') OR (reason IS NOT NULL AND resolved_by IS NOT NULL))
);

CREATE INDEX recon_difference_open_idx ON recon_difference (period_id) WHERE status = 'open';

-- Stripe's processing fee of a charge, booked from its balance transaction (journal stripe:fee:<charge>). The fee
-- belongs to the period Stripe took it in (effective_at), not to the day it was booked. Append-only.
CREATE TABLE stripe_fee_booking (
    charge_id              text        PRIMARY KEY CHECK (length(charge_id) BETWEEN 1 AND 255),
    balance_transaction_id text        NOT NULL CHECK (length(balance_transaction_id) BETWEEN 1 AND 255),
    fee_micros             bigint      NOT NULL CHECK (fee_micros > 0),
    effective_at           timestamptz NOT NULL,
    journal_key            text        NOT NULL UNIQUE,
    created_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER stripe_fee_booking_append_only BEFORE UPDATE OR DELETE ON stripe_fee_booking
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER stripe_fee_booking_no_truncate BEFORE TRUNCATE ON stripe_fee_booking
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- The matcher reads journals by time and finds a purchase's payment intent by its journal key.
CREATE INDEX stripe_payment_journal_key_idx ON stripe_payment (journal_key);
CREATE INDEX ledger_journal_created_idx ON ledger_journal (created_at);

-- Closed periods are immutable. Closed periods are contiguous from the first one, so "inside a closed period" is
-- "before the end of the last closed period".
CREATE FUNCTION recon_closed_until() RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT max(ends_at) FROM recon_period WHERE status = 'closed'
$$;

-- Statement-level with transition tables: one check per INSERT statement, however many rows (the hot path inserts
-- journals and postings in set-based batches).
CREATE FUNCTION recon_reject_in_closed_period() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    closed_until timestamptz := recon_closed_until();
    earliest     timestamptz;
BEGIN
    IF closed_until IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT min(created_at) INTO earliest FROM new_rows;
    IF earliest < closed_until THEN
        RAISE EXCEPTION '% dated % falls in a closed reconciliation period (closed until %)',
            TG_TABLE_NAME, earliest, closed_until
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_journal_closed_period AFTER INSERT ON ledger_journal
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recon_reject_in_closed_period();
CREATE TRIGGER ledger_posting_closed_period AFTER INSERT ON ledger_posting
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recon_reject_in_closed_period();

-- A closed period row never changes again, and its runs and differences are frozen.
CREATE FUNCTION recon_period_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'closed' THEN
        RAISE EXCEPTION 'reconciliation period % is closed: % rejected', OLD.id, TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- Closing: only at zero unexplained difference, only after the period ended, only the earliest open period.
CREATE FUNCTION recon_period_close_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'closed' AND OLD.status = 'open' THEN
        IF EXISTS (SELECT 1 FROM recon_difference WHERE period_id = NEW.id AND status = 'open') THEN
            RAISE EXCEPTION 'period % has unexplained differences', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.ends_at > now() THEN
            RAISE EXCEPTION 'period % has not ended yet', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM recon_period WHERE status = 'open' AND starts_at < NEW.starts_at) THEN
            RAISE EXCEPTION 'an earlier period is still open' USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER recon_period_close_check BEFORE UPDATE ON recon_period
    FOR EACH ROW EXECUTE FUNCTION recon_period_close_check();

CREATE TRIGGER recon_period_closed BEFORE UPDATE OR DELETE ON recon_period
    FOR EACH ROW EXECUTE FUNCTION recon_period_frozen();

CREATE FUNCTION recon_row_of_closed_period() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    period bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        period := OLD.period_id;
    ELSE
        period := NEW.period_id;
    END IF;
    IF EXISTS (SELECT 1 FROM recon_period WHERE id = period AND status = 'closed')
       OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM recon_period WHERE id = OLD.period_id AND status = 'closed')) THEN
        RAISE EXCEPTION 'reconciliation period % is closed: % on % rejected', period, TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER recon_run_closed BEFORE INSERT OR UPDATE OR DELETE ON recon_run
    FOR EACH ROW EXECUTE FUNCTION recon_row_of_closed_period();
CREATE TRIGGER recon_difference_closed BEFORE INSERT OR UPDATE OR DELETE ON recon_difference
    FOR EACH ROW EXECUTE FUNCTION recon_row_of_closed_period();
