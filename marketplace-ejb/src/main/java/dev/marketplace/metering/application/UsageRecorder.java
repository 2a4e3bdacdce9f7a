package dev.marketplace.metering.application;

import dev.marketplace.billing.charges.BatchChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.holds.HoldRequest;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.infrastructure.BatchWork;
import dev.marketplace.metering.infrastructure.GroupCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The hot path's durable writes: the hold before the upstream call, and after it the usage record together with
 * its charge (or the release of its hold), in one transaction so the ledger and the usage records never disagree.
 * All of them go through {@link GroupCommit}: plain JDBC, one commit for many requests, no JTA.
 */
@ApplicationScoped
public class UsageRecorder {
    private static final String INSERT = """
            insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, prompt_tokens,
                completion_tokens, cost_micros, hold_micros, latency_ms, status, finish_reason, streamed, capped, metadata)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
            on conflict (id) do nothing""";

    /** All holds of a group transaction in one set-based call: granted in queue order while credit and limits last. */
    private static final BatchWork<HoldAsk, HoldOutcome> HOLDS = KeyLimitedHolds::placeAll;
    /** All charges of a group transaction: their usage records, then their journals and holds, set-based. */
    private static final BatchWork<ChargedUsage, FeeSplit> CHARGES = (c, items) -> {
        insertAll(c, items.stream().map(ChargedUsage::usage).toList());
        return new BatchChargeWriter().settleAll(c, items.stream().map(ChargedUsage::charge).toList());
    };

    @Inject
    GroupCommit groupCommit;

    private final HoldStore holds = new HoldStore();

    /**
     * Holds the amount on the account if its available credit covers it and, for a key with a credit limit, the
     * key's remaining limit does too; otherwise nothing is held and the outcome says why.
     */
    public HoldOutcome placeHold(String holdId, String accountCode, long amountMicros, KeyState key) {
        Long limit = key.creditLimitMicros();
        HoldAsk ask = new HoldAsk(new HoldRequest(holdId, accountCode, amountMicros), key.keyId(), limit,
                limit == null ? null : key.limitReset().periodStart(Instant.now()));
        return groupCommit.run("hold " + holdId, HOLDS, ask);
    }

    /** A generation that was served (wholly or in part): record it and charge it, closing its hold. */
    public void recordCharged(UsageRecord usage, UsageCharge charge) {
        groupCommit.run("recording usage " + usage.id(), CHARGES, new ChargedUsage(usage, charge));
    }

    /** A generation that failed: record it at no cost and release its hold. */
    public void recordFailed(UsageRecord usage, String holdId) {
        groupCommit.run("recording failed usage " + usage.id(), c -> {
            insert(c, usage);
            return holdId != null && holds.release(c, holdId);
        });
    }

    private static void insert(Connection c, UsageRecord u) throws SQLException {
        insertAll(c, List.of(u));
    }

    /** One JDBC batch: the driver sends all rows in one round trip. */
    private static void insertAll(Connection c, List<UsageRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (UsageRecord u : records) {
                bind(ps, u);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, UsageRecord u) throws SQLException {
        ps.setString(1, u.id());
        ps.setLong(2, u.developerId());
        ps.setLong(3, u.apiKeyId());
        ps.setString(4, u.modelSlug());
        ps.setString(5, u.providerSlug());
        ps.setLong(6, u.listingId());
        ps.setLong(7, u.promptTokens());
        ps.setLong(8, u.completionTokens());
        ps.setLong(9, u.costMicros());
        ps.setLong(10, u.holdMicros());
        ps.setLong(11, u.latencyMs());
        ps.setString(12, u.status().dbValue());
        ps.setString(13, u.finishReason());
        ps.setBoolean(14, u.streamed());
        ps.setBoolean(15, u.capped());
        ps.setString(16, u.metadataJson());
    }

    /** A served generation's usage record with the charge that bills it. */
    private record ChargedUsage(UsageRecord usage, UsageCharge charge) {
    }
}
