-- The commit-time check of every journal (at least two postings, summing to zero) ran a nested function whose one
-- query PostgreSQL planned again on nearly every call: a profile of the database at 64 connections put 15% of its
-- CPU in the planner under this deferred trigger alone (decision 0023). The check is now the trigger's own query,
-- pinned to the generic plan (an index lookup on ledger_posting.journal_id whatever the journal id), and the nested
-- function goes: nothing else calls it since the postings' per-row trigger went (decision 0021).
CREATE OR REPLACE FUNCTION ledger_journal_balanced() RETURNS trigger
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    posting_count bigint;
    posting_sum   numeric;
BEGIN
    SELECT count(*), COALESCE(sum(amount_micros), 0)
      INTO posting_count, posting_sum
      FROM ledger_posting
     WHERE journal_id = NEW.id;
    IF posting_count < 2 OR posting_sum <> 0 THEN
        RAISE EXCEPTION 'journal % is unbalanced: % postings summing to % micros', NEW.id, posting_count, posting_sum
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

DROP FUNCTION ledger_check_journal(bigint);
