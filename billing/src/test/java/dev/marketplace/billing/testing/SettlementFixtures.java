package dev.marketplace.billing.testing;

import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.settlements.UsageAttribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Usage journals posted through the real charge writer, backdated to chosen posting times (tests only: the
 * append-only triggers are bypassed with session_replication_role), an in-memory usage attribution and an audit
 * log that keeps what it was told.
 */
public final class SettlementFixtures {

    /** The attribution of every charge posted here, by usage key. */
    public final Map<String, UsageAttribution.Usage> usage = new HashMap<>();
    /** Audit entries recorded through {@link #audit()}: actor, action, target. */
    public final List<String> audited = new ArrayList<>();
    private final DataSource dataSource;

    public SettlementFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Posts a usage journal (developer 1 → provider's payable, take rate in bps) at {@code at}. */
    public void charge(String key, long providerId, boolean platform, String model, long prompt, long completion,
                       long grossMicros, int bps, Instant at) throws SQLException {
        String payee = platform ? AccountCodes.REVENUE_PLATFORM_PROVIDER : AccountCodes.providerPayable(providerId);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new ChargeWriter().settle(c, new UsageCharge(key, null, 1, payee, AccountCodes.REVENUE_TAKE, grossMicros,
                    bps));
            c.commit();
        }
        backdate(key, at);
        usage.put(key, new UsageAttribution.Usage(providerId, model, prompt, completion));
    }

    /** Moves a journal's postings to another posting time. */
    public void backdate(String journalKey, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE ledger_posting SET created_at = ? WHERE journal_id ="
                    + " (SELECT id FROM ledger_journal WHERE idempotency_key = ?)")) {
                p.setTimestamp(1, Timestamp.from(at));
                p.setString(2, journalKey);
                if (p.executeUpdate() < 2) {
                    throw new AssertionError("no postings of " + journalKey);
                }
            }
            c.commit();
        }
    }

    public UsageAttribution attribution() {
        return (Collection<String> keys) -> {
            if (keys.size() > UsageAttribution.MAX_KEYS) {
                throw new AssertionError("asked for " + keys.size() + " keys at once");
            }
            Map<String, UsageAttribution.Usage> out = new HashMap<>();
            keys.forEach(k -> {
                if (usage.containsKey(k)) {
                    out.put(k, usage.get(k));
                }
            });
            return out;
        };
    }

    public FinanceAudit audit() {
        return (connection, actor, action, target, reason) -> audited.add(actor + " " + action + " " + target);
    }
}
