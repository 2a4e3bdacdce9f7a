-- Billing ledger: append-only double-entry journal, cached balances, two-phase holds.
-- Money is bigint micro-USD (1 = 0.000001 USD). Ledger rows are never updated or deleted;
-- a correction is a new journal.

CREATE TABLE ledger_account (
    code       text        PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_journal (
    id              bigserial   PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    kind            text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    memo            text        CHECK (length(memo) <= 1000),
    external_ref    text        CHECK (length(external_ref) <= 255),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ledger_journal_external_ref_idx ON ledger_journal (external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE ledger_posting (
    id            bigserial   PRIMARY KEY,
    journal_id    bigint      NOT NULL REFERENCES ledger_journal (id),
    account_code  text        NOT NULL REFERENCES ledger_account (code),
    amount_micros bigint      NOT NULL CHECK (amount_micros <> 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ledger_posting_account_created_idx ON ledger_posting (account_code, created_at);
CREATE INDEX ledger_posting_journal_idx ON ledger_posting (journal_id);

-- Cache of balances, updated in the same transaction as the postings. Not part of the ledger:
-- it may be updated, and LedgerQueries.check compares it with the sum of postings.
CREATE TABLE account_balance (
    account_code   text        PRIMARY KEY REFERENCES ledger_account (code),
    balance_micros bigint      NOT NULL DEFAULT 0,
    held_micros    bigint      NOT NULL DEFAULT 0 CHECK (held_micros >= 0),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Two-phase reservations against account_balance.held_micros: open, then settled or released.
CREATE TABLE ledger_hold (
    id            text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
    account_code  text        NOT NULL REFERENCES ledger_account (code),
    amount_micros bigint      NOT NULL CHECK (amount_micros > 0),
    status        text        NOT NULL CHECK (status IN ('open', 'settled', 'released')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    closed_at     timestamptz,
    CHECK ((status = 'open') = (closed_at IS NULL))
);

CREATE INDEX ledger_hold_open_idx ON ledger_hold (account_code) WHERE status = 'open';

-- Append-only: UPDATE, DELETE and TRUNCATE on the ledger tables fail, whoever owns them.
CREATE FUNCTION ledger_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger table % is append-only: % rejected', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_account_append_only BEFORE UPDATE OR DELETE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_account_no_truncate BEFORE TRUNCATE ON ledger_account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_journal_append_only BEFORE UPDATE OR DELETE ON ledger_journal
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_journal_no_truncate BEFORE TRUNCATE ON ledger_journal
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_posting_no_truncate BEFORE TRUNCATE ON ledger_posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- Double entry: at commit, every journal touched has at least two postings summing to zero.
CREATE FUNCTION ledger_check_journal(p_journal_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    posting_count bigint;
    posting_sum   numeric;
BEGIN
    SELECT count(*), COALESCE(sum(amount_micros), 0)
      INTO posting_count, posting_sum
      FROM ledger_posting
     WHERE journal_id = p_journal_id;
    IF posting_count < 2 OR posting_sum <> 0 THEN
        RAISE EXCEPTION 'journal % is unbalanced: % postings summing to % micros',
            p_journal_id, posting_count, posting_sum
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

CREATE FUNCTION ledger_posting_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_check_journal(NEW.journal_id);
    RETURN NULL;
END
$$;

CREATE FUNCTION ledger_journal_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_check_journal(NEW.id);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_balanced();

-- Also catches a journal inserted without any posting, which the posting trigger never sees.
CREATE CONSTRAINT TRIGGER ledger_journal_balanced AFTER INSERT ON ledger_journal
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_journal_balanced();
