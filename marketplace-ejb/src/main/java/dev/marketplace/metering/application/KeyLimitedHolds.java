package dev.marketplace.metering.application;

import dev.marketplace.billing.holds.BatchHoldStore;
import dev.marketplace.billing.holds.HoldRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a group transaction's holds, set-based: first each limited key's budget is checked (the key rows are
 * locked, so two nodes cannot both spend the same remainder), then the developers' credit (billing's
 * BatchHoldStore), and the holds granted for limited keys are remembered in {@code key_hold}. A key's spend is
 * its usage records since the period start plus its holds that are still open plus its open key leases (decision
 * 0018: what nodes reserved to serve its calls from memory).
 */
final class KeyLimitedHolds {
    private static final String LOCK_KEYS = "select id from api_key where id = any(?) order by id for update";
    // one statement, so one snapshot: a charge committing in between can neither be counted twice (as usage and as
    // its hold or lease) nor be missed (as neither)
    private static final String SPENT = """
            select d.key_id,
                   coalesce((select sum(u.cost_micros) from usage_record u
                              where u.api_key_id = d.key_id and u.created_at >= d.since), 0)
                 + coalesce((select sum(kh.amount_micros) from key_hold kh join ledger_hold h on h.id = kh.hold_id
                              where kh.api_key_id = d.key_id and h.status = 'open'), 0)
                 + coalesce((select sum(l.held_micros) from key_lease l
                              where l.api_key_id = d.key_id and l.status = 'open'), 0)
              from unnest(?::bigint[], ?::timestamptz[]) as d(key_id, since)""";
    private static final String REMEMBER = """
            insert into key_hold (hold_id, api_key_id, amount_micros)
            select * from unnest(?::text[], ?::bigint[], ?::bigint[])""";

    private KeyLimitedHolds() {
    }

    static List<HoldOutcome> placeAll(Connection c, List<HoldAsk> asks) throws SQLException {
        Map<Long, Long> spentByKey = spentByLimitedKey(c, asks);
        HoldOutcome[] outcomes = new HoldOutcome[asks.size()];
        List<HoldRequest> toHold = new ArrayList<>();
        List<Integer> toHoldIndex = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            HoldAsk ask = asks.get(i);
            long amount = ask.hold().amountMicros();
            if (ask.limited() && Math.addExact(spentByKey.get(ask.keyId()), amount) > ask.keyLimitMicros()) {
                outcomes[i] = HoldOutcome.KEY_LIMIT_REACHED;
                continue;
            }
            if (ask.limited()) {
                // counted at once; if the developer's credit then refuses it, later asks of this key in the same batch
                // are judged conservatively (never an overspend, at worst an early refusal)
                spentByKey.merge(ask.keyId(), amount, Math::addExact);
            }
            toHold.add(ask.hold());
            toHoldIndex.add(i);
        }
        boolean[] granted = new BatchHoldStore().placeAll(c, toHold);
        List<HoldAsk> remembered = new ArrayList<>();
        for (int j = 0; j < granted.length; j++) {
            int i = toHoldIndex.get(j);
            outcomes[i] = granted[j] ? HoldOutcome.GRANTED : HoldOutcome.INSUFFICIENT_CREDIT;
            if (granted[j] && asks.get(i).limited()) {
                remembered.add(asks.get(i));
            }
        }
        remember(c, remembered);
        return List.of(outcomes);
    }

    /** Settled usage in the period plus open holds and leases, for each limited key of the batch (its row locked). */
    private static Map<Long, Long> spentByLimitedKey(Connection c, List<HoldAsk> asks) throws SQLException {
        Map<Long, Timestamp> since = new HashMap<>();
        for (HoldAsk ask : asks) {
            if (ask.limited()) {
                since.putIfAbsent(ask.keyId(), Timestamp.from(ask.periodStart()));
            }
        }
        Map<Long, Long> spent = new HashMap<>();
        if (since.isEmpty()) {
            return spent;
        }
        Long[] keys = since.keySet().stream().sorted().toArray(Long[]::new);
        Array keyArray = c.createArrayOf("bigint", keys);
        try (PreparedStatement lock = c.prepareStatement(LOCK_KEYS)) {
            lock.setArray(1, keyArray);
            lock.executeQuery().close();
        }
        Timestamp[] starts = new Timestamp[keys.length];
        for (int i = 0; i < keys.length; i++) {
            starts[i] = since.get(keys[i]);
        }
        try (PreparedStatement query = c.prepareStatement(SPENT)) {
            query.setArray(1, keyArray);
            query.setArray(2, c.createArrayOf("timestamptz", starts));
            addRows(query, spent);
        }
        return spent;
    }

    private static void addRows(PreparedStatement query, Map<Long, Long> into) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                into.merge(rows.getLong(1), rows.getLong(2), Math::addExact);
            }
        }
    }

    private static void remember(Connection c, List<HoldAsk> asks) throws SQLException {
        if (asks.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(REMEMBER)) {
            insert.setArray(1, c.createArrayOf("text", asks.stream().map(a -> a.hold().holdId()).toArray()));
            insert.setArray(2, c.createArrayOf("bigint", asks.stream().map(HoldAsk::keyId).toArray()));
            insert.setArray(3, c.createArrayOf("bigint", asks.stream().map(a -> a.hold().amountMicros()).toArray()));
            insert.executeUpdate();
        }
    }
}
