-- The batch settle function of lease-served charges (every group commit of more than one call) re-planned one of its
-- queries on every call: PostgreSQL kept choosing a custom plan for a statement whose plan never changes (an index
-- lookup or an unnest, whatever the arrays hold). A profile of the bench database at 64 connections put 6% of its
-- CPU in the planner under this function; pinned to the generic plan, database CPU per call fell from 63-67 to
-- 56-58 us on the same running stack (decision 0023, "Follow-up"). A later CREATE OR REPLACE of the function must
-- repeat the SET clause, or it is dropped (LedgerPlansTest fails then).
ALTER FUNCTION ledger_settle_leased_charges(text[], text[], text[], text[], text[], bigint[], bigint[], bigint[], text[])
    SET plan_cache_mode = force_generic_plan;
