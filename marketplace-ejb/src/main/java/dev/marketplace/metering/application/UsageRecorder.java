package dev.marketplace.metering.application;

import dev.marketplace.billing.charges.BatchChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.holds.HoldRequest;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.jdbc.StatementPrefix;
import dev.marketplace.billing.leases.LeaseCharges;
import dev.marketplace.billing.leases.LeasedCharge;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.infrastructure.BatchWork;
import dev.marketplace.metering.infrastructure.GroupCommit;
import dev.marketplace.metering.infrastructure.OneStatementWork;
import dev.marketplace.metering.infrastructure.OverloadedException;
import dev.marketplace.platform.Config;
import dev.marketplace.platform.operations.Operations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The hot path's durable writes: the hold before the upstream call, and after it the usage record together with
 * its charge (or the release of its hold), in one transaction so the ledger and the usage records never disagree.
 * All of them go through {@link GroupCommit}: plain JDBC, one commit for many requests, no JTA. A call is held in
 * memory from this node's balance lease when it can be ({@link BalanceLeases}), and a call of a key with a credit
 * limit also from this node's lease on the key ({@link KeyLeases}): then only its charge is written, and it shrinks
 * the leases.
 */
@ApplicationScoped
public class UsageRecorder {
    /** The usage record's columns, in parameter order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "text", UsageRecord::id),
            new Column("developer_id", "bigint", UsageRecord::developerId),
            new Column("api_key_id", "bigint", UsageRecord::apiKeyId),
            new Column("model_slug", "text", UsageRecord::modelSlug),
            new Column("provider_slug", "text", UsageRecord::providerSlug),
            new Column("listing_id", "bigint", UsageRecord::listingId),
            new Column("prompt_tokens", "bigint", UsageRecord::promptTokens),
            new Column("completion_tokens", "bigint", UsageRecord::completionTokens),
            new Column("cost_micros", "bigint", UsageRecord::costMicros),
            new Column("hold_micros", "bigint", UsageRecord::holdMicros),
            new Column("latency_ms", "bigint", UsageRecord::latencyMs),
            new Column("status", "text", u -> u.status().dbValue()),
            new Column("finish_reason", "text", UsageRecord::finishReason),
            new Column("streamed", "boolean", UsageRecord::streamed),
            new Column("capped", "boolean", UsageRecord::capped),
            new Column("metadata", "jsonb", UsageRecord::metadataJson),
            new Column("self_test", "boolean", UsageRecord::selfTest),
            new Column("cache_read_tokens", "bigint", UsageRecord::cacheReadTokens),
            new Column("cache_write_tokens", "bigint", UsageRecord::cacheWriteTokens));
    private static final String NAMES = String.join(", ", COLUMNS.stream().map(Column::name).toList());
    private static final String INTO = "insert into usage_record (" + NAMES + ") select "
            + String.join(", ", COLUMNS.stream().map(Column::selected).toList());
    /** Every usage record of a batch in one statement: one array per column, rows in batch order. */
    private static final String INSERT = INTO
            + " from unnest(" + String.join(", ", COLUMNS.stream().map(k -> "?::" + k.parameterType() + "[]").toList()) + ")"
            + " with ordinality as u(" + NAMES + ", ord) order by u.ord on conflict (id) do nothing";
    /** One usage record (every batch at low concurrency): plain parameters, no arrays to build and take apart. */
    private static final String INSERT_ONE = INTO
            + " from (values (" + String.join(", ", COLUMNS.stream().map(k -> "?::" + k.parameterType()).toList()) + "))"
            + " as u(" + NAMES + ") on conflict (id) do nothing";

    /** All holds of a group transaction in one set-based call: granted in queue order while credit and limits last. */
    private static final BatchWork<HoldAsk, HoldOutcome> HOLDS = KeyLimitedHolds::placeAll;
    /** All charges of a group transaction: their usage records, then their journals and holds, set-based. */
    private static final BatchWork<ChargedUsage, FeeSplit> CHARGES = (c, items) -> {
        insertAll(c, items.stream().map(ChargedUsage::usage).toList());
        return new BatchChargeWriter().settleAll(c, items.stream().map(ChargedUsage::charge).toList());
    };
    /**
     * All charges of calls held from a balance lease alone (the usual case): their usage records and their journals,
     * shrinking the leases, in one statement (a batch of only these is one round trip: decision 0020).
     */
    private static final OneStatementWork<LeaseChargedUsage, FeeSplit> LEASE_CHARGES = (c, items) ->
            new LeaseCharges().settleAll(c, items.stream().map(LeaseChargedUsage::charge).toList(),
                    usageRows(c, items.stream().map(LeaseChargedUsage::usage).toList()));
    /** The same for calls of keys with a credit limit, which also shrink the key's lease (decision 0018). */
    private static final BatchWork<LeaseChargedUsage, FeeSplit> KEY_LEASE_CHARGES = (c, items) -> {
        insertAll(c, items.stream().map(LeaseChargedUsage::usage).toList());
        KeyLeaseStore.chargeAll(c, items.stream().map(LeaseChargedUsage::keyCharge).toList());
        return new LeaseCharges().settleAll(c, items.stream().map(LeaseChargedUsage::charge).toList());
    };
    /**
     * {@code MARKET_LEASES=false} (or {@code -Dmarket.leases=false}) turns balance leases off: every call then takes
     * the per-call conditional hold, as before decision 0007 (a fallback, and the baseline of its measurements).
     */
    static final boolean LEASES_ENABLED = Config.getBoolean("leases", true);
    /** How long a call refused for credit waits for other nodes to give back the unused part of their leases. */
    static final long RECALL_WAIT_MS = 2_000;
    static final long RECALL_POLL_MS = 100;

    @Inject
    GroupCommit groupCommit;
    @Inject
    BalanceLeases leases;
    @Inject
    KeyLeases keyLeases;

    private final HoldStore holds = new HoldStore();
    /** Calls in flight whose hold came from a lease, by hold id; each is removed exactly once when the call ends. */
    private final Map<String, LeaseHold> leased = new ConcurrentHashMap<>();
    /** The key limit part of those calls' holds, for keys with a credit limit (decision 0018). */
    private final Map<String, KeyLeaseHold> keyLeased = new ConcurrentHashMap<>();

    /**
     * Holds the amount on the account if its available credit covers it and, for a key with a credit limit, the
     * key's remaining limit does too; otherwise nothing is held and the outcome says why. Calls are held from this
     * node's lease on the account (and on a limited key) when it has (or can top up) them, else by a per-call hold in
     * the database. A refusal for credit or for the key's limit first asks other nodes to give back the unused part of
     * their leases on the account or key and retries while they answer, so budget parked in another node's lease
     * never turns a call away.
     */
    public HoldOutcome placeHold(String holdId, String accountCode, long amountMicros, KeyState key) {
        Long limit = key.creditLimitMicros();
        if (LEASES_ENABLED && heldFromLeases(holdId, accountCode, amountMicros, key)) {
            Operations.holdServedFrom("lease"); // operations hook
            return HoldOutcome.GRANTED;
        }
        Operations.holdServedFrom("database"); // operations hook
        HoldRequest request = new HoldRequest(holdId, accountCode, amountMicros, leases.nodeId());
        HoldAsk ask = new HoldAsk(request, key.keyId(), limit,
                limit == null ? null : key.limitReset().periodStart(Instant.now()));
        HoldOutcome outcome = groupCommit.run("hold " + holdId, HOLDS, ask);
        if (outcome == HoldOutcome.INSUFFICIENT_CREDIT && leases.recallOthers(accountCode) > 0) {
            return retryWhileRecalled(holdId, ask, outcome, () -> leases.pendingRecalls(accountCode));
        }
        if (outcome == HoldOutcome.KEY_LIMIT_REACHED && LEASES_ENABLED) {
            // the key's remainder may be parked in leases: this node's unused part goes back now, others' on recall
            boolean gaveBack = keyLeases.giveBackUnused(key.keyId());
            if (keyLeases.recallOthers(key.keyId()) > 0) {
                return retryWhileRecalled(holdId, ask, outcome, () -> keyLeases.pendingRecalls(key.keyId()));
            }
            return gaveBack ? groupCommit.run("hold " + holdId, HOLDS, ask) : outcome;
        }
        return outcome;
    }

    /**
     * Reserves the call's hold in memory: from this node's balance lease on the account and, for a key with a credit
     * limit, from its lease on the key as well; both or neither.
     */
    private boolean heldFromLeases(String holdId, String accountCode, long amountMicros, KeyState key) {
        Optional<LeaseHold> fromLease = leases.reserve(accountCode, amountMicros);
        if (fromLease.isEmpty()) {
            return false;
        }
        if (key.creditLimitMicros() != null) {
            Optional<KeyLeaseHold> fromKeyLease = keyLeases.reserve(key, amountMicros);
            if (fromKeyLease.isEmpty()) {
                leases.released(fromLease.get());
                return false;
            }
            keyLeased.put(holdId, fromKeyLease.get());
        }
        leased.put(holdId, fromLease.get());
        return true;
    }

    /** Retries a refused per-call hold until the recalled leases answered (then once more) or the wait is over. */
    private HoldOutcome retryWhileRecalled(String holdId, HoldAsk ask, HoldOutcome refused, LongSupplier pending) {
        HoldOutcome outcome = refused;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECALL_WAIT_MS);
        boolean answered = false;
        while (outcome == refused && !answered && System.nanoTime() - deadline < 0) {
            pause();
            answered = pending.getAsLong() == 0; // then one last try, on what they gave back
            outcome = groupCommit.run("hold " + holdId, HOLDS, ask);
        }
        return outcome;
    }

    /** A generation that was served (wholly or in part): record it and charge it, closing its hold. */
    public void recordCharged(UsageRecord usage, UsageCharge charge) {
        LeaseHold hold = charge.holdId() == null ? null : leased.remove(charge.holdId());
        KeyLeaseHold keyHold = charge.holdId() == null ? null : keyLeased.remove(charge.holdId());
        if (hold == null) {
            groupCommit.run("recording usage " + usage.id(), CHARGES, new ChargedUsage(usage, charge));
            return;
        }
        UsageCharge unheld = new UsageCharge(charge.idempotencyKey(), null, charge.developerId(),
                charge.payeeAccountCode(), charge.feeAccountCode(), charge.grossMicros(), charge.takeRateBps());
        try {
            groupCommit.run("recording usage " + usage.id(), keyHold == null ? LEASE_CHARGES : KEY_LEASE_CHARGES,
                    new LeaseChargedUsage(usage,
                    new LeasedCharge(unheld, hold.leaseId(), charge.holdId(), hold.holdMicros()),
                    keyHold == null ? null : new KeyLeaseCharge(charge.idempotencyKey(), keyHold.keyId(),
                            keyHold.leaseId(), usage.costMicros(), keyHold.terms().periodStart())));
        } catch (OverloadedException e) {
            leases.released(hold); // refused before anything ran
            if (keyHold != null) {
                keyLeases.released(keyHold);
            }
            throw e;
        } catch (RuntimeException e) {
            leases.abandoned(hold, e);
            if (keyHold != null) {
                keyLeases.abandoned(keyHold, e);
            }
            throw e;
        }
        leases.settled(hold, charge.grossMicros());
        if (keyHold != null) {
            keyLeases.settled(keyHold, usage.costMicros());
        }
    }

    /**
     * A self-test generation (a provider member calling the provider's own non-live listing): the usage record alone,
     * at cost 0. No hold was placed and no journal is written, so no money moves.
     */
    public void recordSelfTest(UsageRecord usage) {
        if (!usage.selfTest() || usage.costMicros() != 0) {
            throw new IllegalArgumentException("a self-test is recorded at cost 0: " + usage.id());
        }
        groupCommit.run("recording self-test usage " + usage.id(), c -> {
            insert(c, usage);
            return true;
        });
    }

    /** A generation that failed: record it at no cost and release its hold. */
    public void recordFailed(UsageRecord usage, String holdId) {
        LeaseHold hold = holdId == null ? null : leased.remove(holdId);
        KeyLeaseHold keyHold = holdId == null ? null : keyLeased.remove(holdId);
        if (hold == null) {
            groupCommit.run("recording failed usage " + usage.id(), c -> {
                insert(c, usage);
                return holdId != null && holds.release(c, holdId);
            });
            return;
        }
        try { // the hold was only in memory: nothing to release in the database
            groupCommit.run("recording failed usage " + usage.id(), c -> {
                insert(c, usage);
                return true;
            });
        } finally {
            leases.released(hold); // nothing was charged, whatever became of the record
            if (keyHold != null) {
                keyLeases.released(keyHold);
            }
        }
    }

    /**
     * Gives a call's hold back after an unexpected failure, unless it was already settled or released: a hold from a
     * lease only in memory, a hold of its own in the database.
     */
    public void release(String holdId) {
        LeaseHold hold = leased.remove(holdId);
        KeyLeaseHold keyHold = keyLeased.remove(holdId);
        if (keyHold != null) {
            keyLeases.released(keyHold);
        }
        if (hold != null) {
            leases.released(hold);
            return;
        }
        groupCommit.run("releasing hold " + holdId, c -> holds.release(c, holdId));
    }

    /**
     * What the account can spend as far as this node knows without a query: the unreserved part of its lease,
     * when it holds one that still has something; empty otherwise (the caller asks the ledger).
     */
    public Optional<Long> leasedFreeMicros(String accountCode) {
        return leases.leasedFreeMicros(accountCode).filter(free -> free > 0);
    }

    private static void pause() {
        try {
            Thread.sleep(RECALL_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for leases to be given back", e);
        }
    }

    private static void insert(Connection c, UsageRecord u) throws SQLException {
        insertAll(c, List.of(u));
    }

    /** One statement for all records (rows in order): one round trip, one execution on the server. */
    private static void insertAll(Connection c, List<UsageRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(records))) {
            bind(c, ps, records, 1);
            ps.executeUpdate();
        }
    }

    /** The records' insert as the {@code WITH} clause of the statement that settles their charges. */
    private static StatementPrefix usageRows(Connection c, List<UsageRecord> records) {
        return new StatementPrefix("WITH usage_rows AS (" + insertSql(records) + ") ", ps -> bind(c, ps, records, 1));
    }

    /** One record from plain parameters, several from arrays: {@link #bind} sets the parameters to match. */
    private static String insertSql(List<UsageRecord> records) {
        return records.size() == 1 ? INSERT_ONE : INSERT;
    }

    /**
     * Sets the insert's parameters from {@code p}, one per column: a value for one record, an array for several.
     * Returns the next parameter index.
     */
    private static int bind(Connection c, PreparedStatement ps, List<UsageRecord> records, int p) throws SQLException {
        for (Column column : COLUMNS) {
            if (records.size() == 1) {
                ps.setObject(p++, column.value.apply(records.get(0)), column.sqlType());
            } else {
                Object[] values = records.stream().map(column.value).toArray(column::newArray);
                ps.setArray(p++, c.createArrayOf(column.parameterType(), values));
            }
        }
        return p;
    }

    /**
     * A column of {@code usage_record}: its name, its SQL type ({@code text}, {@code bigint}, {@code boolean}, or
     * {@code jsonb}, which is sent as text and cast in the statement).
     */
    private record Column(String name, String type, Function<UsageRecord, Object> value) {
        String parameterType() {
            return type.equals("jsonb") ? "text" : type;
        }

        /** The column's value in the insert's {@code select}, from the row {@code u} of the parameters. */
        String selected() {
            return type.equals("jsonb") ? "cast(u." + name + " as jsonb)" : "u." + name;
        }

        int sqlType() {
            return switch (type) {
                case "bigint" -> Types.BIGINT;
                case "boolean" -> Types.BOOLEAN;
                default -> Types.VARCHAR;
            };
        }

        /** A typed array for the driver (Long[], Boolean[], String[]): it encodes each by its element type. */
        Object[] newArray(int size) {
            return switch (type) {
                case "bigint" -> new Long[size];
                case "boolean" -> new Boolean[size];
                default -> new String[size];
            };
        }
    }

    /** A served generation's usage record with the charge that bills it. */
    private record ChargedUsage(UsageRecord usage, UsageCharge charge) {
    }

    /**
     * A served generation's usage record with the charge that bills it against a lease, and for a limited key the
     * shrink of its key lease (null otherwise).
     */
    private record LeaseChargedUsage(UsageRecord usage, LeasedCharge charge, KeyLeaseCharge keyCharge) {
    }
}
