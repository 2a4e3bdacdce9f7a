-- The ledger's safety triggers, cheaper per call and unchanged in what they refuse (decision 0019). Measured on the
-- hot path's settle call (one charge): about 1 ms of database CPU before, most of it in these triggers.

-- A SQL-language function called from PL/pgSQL is planned again on every call; PL/pgSQL caches its plan per session.
-- recon_reject_in_closed_period calls this once per INSERT statement on ledger_journal and ledger_posting.
CREATE OR REPLACE FUNCTION recon_closed_until() RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT max(ends_at) FROM recon_period WHERE status = 'closed');
END
$$;

-- A posting of a journal that this same transaction inserted needs no check of its own: the journal's deferred
-- trigger checks it at commit, after all its postings. Any other posting (one added to an older journal, or a
-- journal inserted in a subtransaction, whose row carries the subtransaction's xid) is checked as before.
CREATE OR REPLACE FUNCTION ledger_posting_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_journal WHERE id = NEW.journal_id AND xmin = pg_current_xact_id()::xid) THEN
        RETURN NULL;
    END IF;
    PERFORM ledger_check_journal(NEW.journal_id);
    RETURN NULL;
END
$$;
