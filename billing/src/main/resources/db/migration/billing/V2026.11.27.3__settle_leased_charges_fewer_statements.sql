-- ledger_settle_leased_charges with fewer statements per batch, same rules and locks as V2026.11.27.1 (decision
-- 0019): the touched accounts and their deltas are gathered in PL/pgSQL; one locking query also tells whether an
-- account is new (then, and only then, accounts are created); the uncovered check runs only when a charge fell
-- outside its lease; a batch with nothing new returns before locking anything. About six statements per batch in
-- the usual case instead of eleven.
create or replace function ledger_settle_leased_charges(
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
    accounts text[] := '{}';
    balance_delta bigint[] := '{}';
    held_delta bigint[] := '{}';
    locked_rows bigint;
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

    if cardinality(post_account) = 0 then
        return; -- nothing new: no journal, no lease taken
    end if;

    -- each touched account's balance and held deltas, gathered here instead of in a grouping query
    for i in 1 .. cardinality(post_account) loop
        j := array_position(accounts, post_account[i]);
        if j is null then
            accounts := accounts || post_account[i];
            balance_delta := balance_delta || post_amount[i];
            held_delta := held_delta || 0::bigint;
        else
            balance_delta[j] := balance_delta[j] + post_amount[i];
        end if;
    end loop;
    for k in 1 .. cardinality(lease_ids) loop
        if lease_taken[k] > 0 then
            j := array_position(accounts, lease_accounts[k]);
            if j is null then
                accounts := accounts || lease_accounts[k];
                balance_delta := balance_delta || 0::bigint;
                held_delta := held_delta || lease_taken[k];
            else
                held_delta[j] := held_delta[j] + lease_taken[k];
            end if;
        end if;
    end loop;

    -- lock every touched balance row in code order; an account seen for the first time is created first (rare)
    select count(*) into locked_rows
      from (select 1 from account_balance where account_code = any(accounts)
             order by account_code collate "C" for update) locked;
    if locked_rows < cardinality(accounts) then
        insert into ledger_account (code)
        select a.code from unnest(accounts) as a(code)
         where not exists (select 1 from ledger_account l where l.code = a.code)
         order by a.code collate "C"
        on conflict (code) do nothing;
        insert into account_balance (account_code)
        select a.code from unnest(accounts) as a(code)
         where not exists (select 1 from account_balance b where b.account_code = a.code)
         order by a.code collate "C"
        on conflict (account_code) do nothing;
        perform 1 from account_balance where account_code = any(accounts) order by account_code collate "C" for update;
    end if;

    if cardinality(uncovered_account) > 0 then
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
    end if;

    insert into ledger_posting (journal_id, account_code, amount_micros)
    select p.journal_id, p.account, p.amount
      from unnest(post_journal, post_account, post_amount) with ordinality as p(journal_id, account, amount, ord)
     order by p.ord;

    if cardinality(lease_ids) > 0 then
        update balance_lease l set held_micros = l.held_micros - d.taken
          from unnest(lease_ids, lease_taken[1:cardinality(lease_ids)]) as d(id, taken)
         where l.id = d.id and d.taken > 0;
    end if;

    update account_balance b
       set balance_micros = b.balance_micros + d.balance_delta, held_micros = b.held_micros - d.held_delta,
           updated_at = now()
      from unnest(accounts, balance_delta, held_delta) as d(code, balance_delta, held_delta)
     where b.account_code = d.code;
end
$$;
