-- The charges of calls held from balance leases, settled in ONE round trip per group-commit batch (decision 0017):
-- the same rules LeaseCharges applied in Java with about a dozen statements plus one per call, now inside the
-- database, so a batch of one no longer pays a dozen network round trips (2.7 ms at one connection, measured).
--
-- Arrays are index-aligned, one element per charge, in batch order. The caller computes each charge's split
-- (Money.split: gross = share + fee) and memo; this function decides, in batch order as LeaseCharges did:
--   * a charge whose key is already posted, repeated in the batch, or of gross 0 posts nothing;
--   * a new charge is taken from its lease when the lease is open, on the charge's account and still holds
--     the gross (the lease shrinks and so does the account's held amount: the available balance does not move);
--   * otherwise it must be covered by the account's available balance, else nothing of the batch is written
--     (SQLSTATE MKU01, mapped to UncoveredChargeException);
-- A lease-served call's hold lives in the node's memory while the call runs and then in its usage record's
-- hold_micros; it gets no ledger_hold row (one row and index entry less per call than LeaseCharges wrote).
-- Locks: the leases in id order, then every touched balance row in code order (byte-wise), as before.
create function ledger_settle_leased_charges(
    p_keys text[], p_memos text[], p_accounts text[], p_payees text[], p_fee_accounts text[],
    p_gross bigint[], p_share bigint[], p_fee bigint[], p_lease_ids text[]
) returns void
language plpgsql as $$
declare
    n int := coalesce(cardinality(p_keys), 0);
    lease_ids text[];
    lease_accounts text[];
    lease_left bigint[];
    lease_open boolean[];
    lease_taken bigint[];
    new_keys text[];
    new_ids bigint[];
    post_journal bigint[] := '{}';
    post_account text[] := '{}';
    post_amount bigint[] := '{}';
    uncovered_account text[] := '{}';
    uncovered_amount bigint[] := '{}';
    touched text[];
    done text[] := '{}';
    i int;
    j int;
    k int;
    journal_id bigint;
    short record;
begin
    if n = 0 then
        return;
    end if;
    if cardinality(p_memos) <> n or cardinality(p_accounts) <> n or cardinality(p_payees) <> n
            or cardinality(p_fee_accounts) <> n or cardinality(p_gross) <> n or cardinality(p_share) <> n
            or cardinality(p_fee) <> n or cardinality(p_lease_ids) <> n then
        raise exception 'ledger_settle_leased_charges: arrays of different lengths' using errcode = 'invalid_parameter_value';
    end if;

    select coalesce(array_agg(id order by id collate "C"), '{}'), coalesce(array_agg(account_code order by id collate "C"), '{}'),
           coalesce(array_agg(held_micros order by id collate "C"), '{}'),
           coalesce(array_agg(status = 'open' order by id collate "C"), '{}')
      into lease_ids, lease_accounts, lease_left, lease_open
      from (select id, account_code, held_micros, status from balance_lease
             where id = any(p_lease_ids) order by id collate "C" for update) locked;
    lease_taken := array_fill(0::bigint, array[greatest(cardinality(lease_ids), 1)]);

    -- journals of the new keys (an already posted key conflicts and is skipped; so is a repeat within the batch)
    with inserted as (
        insert into ledger_journal (idempotency_key, kind, memo)
        select t.key, 'usage', t.memo
          from unnest(p_keys, p_memos, p_gross) with ordinality as t(key, memo, gross, ord)
         where t.gross > 0
         order by t.ord
        on conflict (idempotency_key) do nothing
        returning id, idempotency_key)
    select coalesce(array_agg(idempotency_key), '{}'), coalesce(array_agg(id), '{}') into new_keys, new_ids from inserted;

    for i in 1 .. n loop
        k := array_position(new_keys, p_keys[i]);
        continue when k is null or p_keys[i] = any(done);
        done := done || p_keys[i];
        journal_id := new_ids[k];
        j := array_position(lease_ids, p_lease_ids[i]);
        if j is not null and lease_open[j] and lease_accounts[j] = p_accounts[i] and lease_left[j] >= p_gross[i] then
            lease_left[j] := lease_left[j] - p_gross[i];
            lease_taken[j] := lease_taken[j] + p_gross[i];
        else
            uncovered_account := uncovered_account || p_accounts[i];
            uncovered_amount := uncovered_amount || p_gross[i];
        end if;
        post_journal := post_journal || journal_id;
        post_account := post_account || p_accounts[i];
        post_amount := post_amount || (-p_gross[i]);
        if p_share[i] <> 0 then
            post_journal := post_journal || journal_id;
            post_account := post_account || p_payees[i];
            post_amount := post_amount || p_share[i];
        end if;
        if p_fee[i] <> 0 then
            post_journal := post_journal || journal_id;
            post_account := post_account || p_fee_accounts[i];
            post_amount := post_amount || p_fee[i];
        end if;
    end loop;

    -- every account written below exists and its balance row is locked, in code order
    select coalesce(array_agg(distinct code), '{}') into touched
      from unnest(post_account || p_accounts) as a(code);
    insert into ledger_account (code)
    select a.code from unnest(touched) as a(code)
     where not exists (select 1 from ledger_account l where l.code = a.code)
     order by a.code collate "C"
    on conflict (code) do nothing;
    insert into account_balance (account_code)
    select a.code from unnest(touched) as a(code)
     where not exists (select 1 from account_balance b where b.account_code = a.code)
     order by a.code collate "C"
    on conflict (account_code) do nothing;
    perform 1 from account_balance where account_code = any(touched) order by account_code collate "C" for update;

    for short in
        select u.account, u.amount, b.balance_micros - b.held_micros as free
          from (select account, sum(amount) as amount
                  from unnest(uncovered_account, uncovered_amount) as x(account, amount) group by account) u
          join account_balance b on b.account_code = u.account
         where b.balance_micros - b.held_micros < u.amount
    loop
        raise exception 'charges of % micros on % outlived their lease and only % micros are available',
            short.amount, short.account, short.free using errcode = 'MKU01';
    end loop;

    insert into ledger_posting (journal_id, account_code, amount_micros)
    select p.journal_id, p.account, p.amount
      from unnest(post_journal, post_account, post_amount) with ordinality as p(journal_id, account, amount, ord)
     order by p.ord;

    update balance_lease l set held_micros = l.held_micros - d.taken
      from unnest(lease_ids, lease_taken[1:cardinality(lease_ids)]) as d(id, taken)
     where l.id = d.id and d.taken > 0;

    update account_balance b
       set balance_micros = b.balance_micros + d.balance_delta, held_micros = b.held_micros - d.held_delta,
           updated_at = now()
      from (select code, sum(balance_delta) as balance_delta, sum(held_delta) as held_delta
              from (select x.account as code, x.amount as balance_delta, 0::bigint as held_delta
                      from unnest(post_account, post_amount) as x(account, amount)
                    union all
                    select y.account, 0, y.taken
                      from unnest(lease_accounts, lease_taken[1:cardinality(lease_ids)]) as y(account, taken)
                     where y.taken > 0) deltas
             group by code) d
     where b.account_code = d.code;

end
$$;
