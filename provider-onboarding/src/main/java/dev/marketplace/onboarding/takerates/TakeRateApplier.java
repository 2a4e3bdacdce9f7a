package dev.marketplace.onboarding.takerates;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.audit.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes due take rates current, in one transaction: under a transaction-scoped advisory lock (a second node polling
 * at the same moment skips its turn), every due change in effective order sets {@code provider.take_rate_bps}
 * (unless a later change of that provider was already applied) and gets its {@code applied_at}; the provider
 * update bumps {@code catalog_version}, so every node's snapshot, and with it the charge split, picks the rate up
 * within about a second. Each application is audited as the system's action.
 */
@ApplicationScoped
public class TakeRateApplier {
    /** Advisory lock key of this applier ("TAKERATE" in ASCII). */
    static final long LOCK_KEY = 0x54414B4552415445L;
    static final String ACTOR = "system:take-rate-applier";
    static final String DUE = """
            select id, provider_id, take_rate_bps, effective_at from provider_take_rate_change
            where applied_at is null and effective_at <= now() order by effective_at, id limit 1000""";
    static final String APPLY = """
            update provider set take_rate_bps = ?
            where id = ? and not exists (select 1 from provider_take_rate_change c
                where c.provider_id = ? and c.applied_at is not null and c.effective_at > ?)""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public TakeRateApplier() {
        // for CDI
    }

    public TakeRateApplier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many changes were applied now (0 when none was due or another node holds the lock) */
    public int applyDue() {
        return Transactions.inTransaction(dataSource, "applying due take rates", c -> {
            if (!locked(c)) {
                return 0;
            }
            List<long[]> due = new ArrayList<>();
            List<java.sql.Timestamp> effective = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DUE)) {
                while (rs.next()) {
                    due.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)});
                    effective.add(rs.getTimestamp(4));
                }
            }
            for (int i = 0; i < due.size(); i++) {
                apply(c, due.get(i), effective.get(i));
            }
            return due.size();
        });
    }

    private static void apply(Connection c, long[] change, java.sql.Timestamp effectiveAt) throws SQLException {
        long id = change[0];
        long providerId = change[1];
        int bps = (int) change[2];
        try (PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setInt(1, bps);
            s.setLong(2, providerId);
            s.setLong(3, providerId);
            s.setTimestamp(4, effectiveAt);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "update provider_take_rate_change set applied_at = now() where id = ? and applied_at is null")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        AuditLog.append(c, ACTOR, "provider.take_rate.apply", "provider:" + providerId,
                TakeRates.percent(bps) + " (change " + id + ", effective " + effectiveAt.toInstant() + ")");
    }

    private static boolean locked(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
