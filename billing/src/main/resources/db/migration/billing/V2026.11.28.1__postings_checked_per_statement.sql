-- Postings are checked once per INSERT statement instead of row by row (decision 0021). Before, every posting row
-- ran two foreign-key checks (journal, account: one query each), queued a deferred trigger that ran at commit (one
-- more query), and each statement ran the closed-period trigger; at a group commit of 27 lease-served calls that was
-- about a third of the database's CPU. Now one statement-level trigger checks all rows of the statement in one query:
--   * the journal exists and was written by this same transaction: a posting can never be added to a journal an
--     earlier transaction committed (before, that was refused only if it unbalanced the journal; now always, and at
--     once). The journal's own deferred trigger still checks, at commit, that its postings number at least two and
--     sum to zero. A journal written inside a subtransaction carries the subtransaction's xid and is refused too
--     (nothing here writes the ledger under a savepoint);
--   * the account exists;
--   * neither the posting nor its journal falls in a closed reconciliation period. This replaces the closed-period
--     triggers of both tables: a journal only commits with postings of its own transaction (its deferred trigger
--     refuses one with fewer than two), so checking each posting's journal date here refuses everything the
--     journal's own trigger refused (a journal without postings is refused at commit, as unbalanced).
-- The two foreign keys go: what they refused on INSERT is refused here, and what they refused on DELETE cannot
-- happen, because ledger_journal and ledger_account reject UPDATE, DELETE and TRUNCATE (append-only triggers).
CREATE FUNCTION ledger_postings_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    closed_until timestamptz := recon_closed_until();
    bad record;
BEGIN
    SELECT n.journal_id, n.account_code, n.created_at, j.created_at AS journal_created_at,
           j.id IS NULL AS no_journal, a.code IS NULL AS no_account
      INTO bad
      FROM new_rows n
      LEFT JOIN ledger_journal j ON j.id = n.journal_id
      LEFT JOIN ledger_account a ON a.code = n.account_code
     WHERE j.id IS NULL OR a.code IS NULL OR j.xmin <> pg_current_xact_id()::xid
        OR n.created_at < closed_until OR j.created_at < closed_until
     LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    ELSIF bad.no_journal THEN
        RAISE EXCEPTION 'ledger_posting refers to journal %, which does not exist', bad.journal_id
            USING ERRCODE = 'foreign_key_violation';
    ELSIF bad.no_account THEN
        RAISE EXCEPTION 'ledger_posting refers to account %, which does not exist', bad.account_code
            USING ERRCODE = 'foreign_key_violation';
    ELSIF bad.journal_created_at < closed_until THEN
        RAISE EXCEPTION 'ledger_journal dated % falls in a closed reconciliation period (closed until %)',
            bad.journal_created_at, closed_until USING ERRCODE = 'restrict_violation';
    ELSIF bad.created_at < closed_until THEN
        RAISE EXCEPTION 'ledger_posting dated % falls in a closed reconciliation period (closed until %)',
            bad.created_at, closed_until USING ERRCODE = 'restrict_violation';
    ELSE
        RAISE EXCEPTION 'journal % was written by an earlier transaction: its postings cannot change', bad.journal_id
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

DROP TRIGGER ledger_posting_balanced ON ledger_posting;
DROP TRIGGER ledger_posting_closed_period ON ledger_posting;
DROP TRIGGER ledger_journal_closed_period ON ledger_journal;
DROP FUNCTION ledger_posting_balanced();
DROP FUNCTION recon_reject_in_closed_period();
CREATE TRIGGER ledger_posting_checked AFTER INSERT ON ledger_posting
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_inserted();
ALTER TABLE ledger_posting DROP CONSTRAINT ledger_posting_journal_id_fkey, DROP CONSTRAINT ledger_posting_account_code_fkey;
