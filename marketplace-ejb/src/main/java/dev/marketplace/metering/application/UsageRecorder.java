package dev.marketplace.metering.application;

import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.infrastructure.GroupCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The hot path's durable writes: the hold before the upstream call, and after it the usage record together with
 * its charge (or the release of its hold), in one transaction so the ledger and the usage records never disagree.
 * All of them go through {@link GroupCommit}: plain JDBC, one commit for many requests, no JTA.
 */
@ApplicationScoped
public class UsageRecorder {
    private static final String INSERT = """
            insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, prompt_tokens,
                completion_tokens, cost_micros, hold_micros, latency_ms, status, finish_reason, streamed, capped)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";

    @Inject
    GroupCommit groupCommit;

    private final ChargeWriter charges = new ChargeWriter();
    private final HoldStore holds = new HoldStore();

    /** Holds the amount on the account if its available credit covers it; false (nothing held) if not. */
    public boolean placeHold(String holdId, String accountCode, long amountMicros) {
        return groupCommit.run("hold " + holdId, c -> holds.place(c, holdId, accountCode, amountMicros));
    }

    /** A generation that was served (wholly or in part): record it and charge it, closing its hold. */
    public void recordCharged(UsageRecord usage, UsageCharge charge) {
        groupCommit.run("recording usage " + usage.id(), c -> {
            insert(c, usage);
            return charges.settle(c, charge);
        });
    }

    /** A generation that failed: record it at no cost and release its hold. */
    public void recordFailed(UsageRecord usage, String holdId) {
        groupCommit.run("recording failed usage " + usage.id(), c -> {
            insert(c, usage);
            return holdId != null && holds.release(c, holdId);
        });
    }

    private static void insert(Connection c, UsageRecord u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
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
            ps.executeUpdate();
        }
    }
}
