-- A group commit of one lease-served charge (every call at low concurrency) in four statements instead of about
-- seven, and without the array bookkeeping a batch needs (decision 0022). The rules are those of
-- ledger_settle_leased_charges for a batch of one: a charge whose key was posted before, or of zero gross, moves
-- nothing; a new one is taken from its lease while the lease is open, on the charge's account and still holds the
-- gross, otherwise it must fit the account's available balance or nothing is written (SQLSTATE MKU01). Locks: the
-- lease, then every touched balance row in code order, as there. What changes is only the order of the writes
-- inside the one transaction: balances are locked before the journal is written (a repeat locks them for nothing),
-- the journal and its postings are one statement, the lease and the balances another.
CREATE FUNCTION ledger_settle_one_leased_charge(
    p_key text, p_memo text, p_account text, p_payee text, p_fee_account text,
    p_gross bigint, p_share bigint, p_fee bigint, p_lease_id text
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    lease_account text;
    lease_left bigint;
    lease_open boolean;
    covered boolean;
    accounts text[];
    locked_rows bigint;
    posted bigint;
    free bigint;
BEGIN
    IF p_gross IS NULL OR p_share IS NULL OR p_fee IS NULL OR p_share + p_fee <> p_gross OR p_share < 0 OR p_fee < 0 THEN
        RAISE EXCEPTION 'ledger_settle_one_leased_charge: share % and fee % do not split gross %', p_share, p_fee, p_gross
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_gross = 0 THEN
        RETURN; -- a free call: recorded by its usage row, nothing to post
    END IF;

    SELECT account_code, held_micros, status = 'open' INTO lease_account, lease_left, lease_open
      FROM balance_lease WHERE id = p_lease_id FOR UPDATE;
    covered := coalesce(lease_open AND lease_account = p_account AND lease_left >= p_gross, false);

    accounts := ARRAY(SELECT d.a FROM (SELECT DISTINCT a FROM unnest(ARRAY[p_account,
                                          CASE WHEN p_share <> 0 THEN p_payee END,
                                          CASE WHEN p_fee <> 0 THEN p_fee_account END]) AS a WHERE a IS NOT NULL) d
                       ORDER BY d.a COLLATE "C");
    SELECT count(*) INTO locked_rows
      FROM (SELECT 1 FROM account_balance WHERE account_code = ANY(accounts)
             ORDER BY account_code COLLATE "C" FOR UPDATE) locked;
    IF locked_rows < cardinality(accounts) THEN -- an account seen for the first time (rare): create it, then lock
        INSERT INTO ledger_account (code) SELECT a FROM unnest(accounts) AS a ORDER BY a COLLATE "C"
            ON CONFLICT (code) DO NOTHING;
        INSERT INTO account_balance (account_code) SELECT a FROM unnest(accounts) AS a ORDER BY a COLLATE "C"
            ON CONFLICT (account_code) DO NOTHING;
        PERFORM 1 FROM account_balance WHERE account_code = ANY(accounts) ORDER BY account_code COLLATE "C" FOR UPDATE;
    END IF;

    -- the journal and its postings; nothing at all when the key was posted before
    WITH journal AS (
        INSERT INTO ledger_journal (idempotency_key, kind, memo) VALUES (p_key, 'usage', p_memo)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id)
    INSERT INTO ledger_posting (journal_id, account_code, amount_micros)
    SELECT journal.id, p.account, p.amount
      FROM journal, (VALUES (1, p_account, -p_gross), (2, p_payee, p_share), (3, p_fee_account, p_fee))
                    AS p(ord, account, amount)
     WHERE p.amount <> 0
     ORDER BY p.ord;
    GET DIAGNOSTICS posted = ROW_COUNT;
    IF posted = 0 THEN
        RETURN;
    END IF;

    IF NOT covered THEN
        SELECT balance_micros - held_micros INTO free FROM account_balance WHERE account_code = p_account;
        IF free < p_gross THEN
            RAISE EXCEPTION 'charges of % micros on % outlived their lease and only % micros are available',
                p_gross, p_account, free USING ERRCODE = 'MKU01';
        END IF;
    END IF;

    -- the lease gives up what it had reserved for the charge; every touched balance moves once
    WITH shrunk AS (
        UPDATE balance_lease SET held_micros = held_micros - p_gross WHERE id = p_lease_id AND covered RETURNING id)
    UPDATE account_balance b
       SET balance_micros = b.balance_micros + d.balance_delta, held_micros = b.held_micros - d.held_delta,
           updated_at = now()
      FROM (SELECT v.account, sum(v.amount) AS balance_delta, sum(v.held) AS held_delta
              FROM (VALUES (p_account, -p_gross, CASE WHEN covered THEN p_gross ELSE 0 END),
                           (p_payee, p_share, 0::bigint), (p_fee_account, p_fee, 0::bigint)) AS v(account, amount, held)
             WHERE v.amount <> 0 OR v.held <> 0
             GROUP BY v.account) d
     WHERE b.account_code = d.account;
END
$$;
