-- The closed-period check of journals moves into the postings' statement trigger (decision 0021): a journal is only
-- ever committed with postings written by the same transaction (its deferred trigger refuses one with fewer than two,
-- and V2026.11.28.1 refuses postings of any other transaction's journal), so checking each posting's journal date
-- there refuses everything the journal's own statement trigger refused, one transition table and one query fewer
-- per batch. A journal dated in a closed period is refused when its postings are written (or, without postings,
-- at commit as unbalanced).
CREATE OR REPLACE FUNCTION ledger_postings_inserted() RETURNS trigger
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

DROP TRIGGER ledger_journal_closed_period ON ledger_journal;
DROP FUNCTION recon_reject_in_closed_period();
