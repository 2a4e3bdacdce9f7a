package dev.marketplace.metering.application;

import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.metering.domain.UsageRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes a generation durable: its usage record and its charge (or the release of its hold) commit together in
 * one plain JDBC transaction, so the ledger and the usage records never disagree. No JTA here: this runs on the
 * hot path after the upstream call.
 */
@ApplicationScoped
public class UsageRecorder {
    private static final String INSERT = """
            insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, prompt_tokens,
                completion_tokens, cost_micros, hold_micros, latency_ms, status, finish_reason, streamed, capped)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final ChargeWriter charges = new ChargeWriter();
    private final HoldStore holds = new HoldStore();

    /** A generation that was served (wholly or in part): record it and charge it, closing its hold. */
    public void recordCharged(UsageRecord usage, UsageCharge charge) {
        Transactions.inTransaction(dataSource, "recording usage " + usage.id(), c -> {
            insert(c, usage);
            return charges.settle(c, charge);
        });
    }

    /** A generation that failed: record it at no cost and release its hold. */
    public void recordFailed(UsageRecord usage, String holdId) {
        Transactions.inTransaction(dataSource, "recording failed usage " + usage.id(), c -> {
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
