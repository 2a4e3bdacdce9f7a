package dev.marketplace.onboarding.takerates;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.admin.AdminReasons;
import dev.marketplace.onboarding.admin.ProviderMembers;
import dev.marketplace.onboarding.audit.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Admins schedule a provider's take rate: {@code bps} (0 to 10,000) from {@code effectiveAt} (now or later) with a
 * reason, audited and told to the provider's members, in one transaction. The applier makes it current when due.
 */
@ApplicationScoped
public class TakeRates {
    /** A time this close to now (or a little past, the admin's form took a while) means "now". */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);
    public static final int MAX_HISTORY = 200;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();

    public TakeRates() {
        // for CDI
    }

    public TakeRates(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @return the new change's id */
    public long schedule(long providerId, int takeRateBps, Instant effectiveAt, String reason, String admin) {
        if (takeRateBps < 0 || takeRateBps > 10_000) {
            throw new AdminActionException("takeRateBps", "A take rate is 0 to 10,000 basis points (0% to 100%)");
        }
        Instant now = clock.instant();
        if (effectiveAt == null || effectiveAt.isBefore(now.minus(NOW_TOLERANCE))) {
            throw new AdminActionException("effectiveAt", "The effective time must be now or later");
        }
        Instant effective = effectiveAt.isBefore(now) ? now : effectiveAt;
        String why = AdminReasons.require(reason);
        return Transactions.inTransaction(dataSource, "scheduling a take rate for provider " + providerId, c -> {
            String name = providerName(c, providerId);
            long id;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into provider_take_rate_change (provider_id, take_rate_bps, effective_at, reason, created_by)
                    values (?, ?, ?, ?, ?) returning id""")) {
                s.setLong(1, providerId);
                s.setInt(2, takeRateBps);
                s.setTimestamp(3, Timestamp.from(effective));
                s.setString(4, why);
                s.setString(5, admin);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            AuditLog.append(c, admin, "provider.take_rate.schedule", "provider:" + providerId,
                    percent(takeRateBps) + " from " + effective + ": " + why);
            ProviderMembers.notifyAll(c, providerId, "Your take rate changes to " + percent(takeRateBps),
                    "From " + effective + " the platform keeps " + percent(takeRateBps) + " of each call's price to "
                            + name + " (" + takeRateBps + " basis points); your share is the rest. Reason: " + why);
            return id;
        });
    }

    /** A provider's scheduled and applied take rates, newest effective time first. */
    public List<TakeRateChange> history(long providerId) {
        return Transactions.withConnection(dataSource, "reading take rates of provider " + providerId, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select id, provider_id, take_rate_bps, effective_at, reason, created_by, created_at, applied_at
                    from provider_take_rate_change where provider_id = ? order by effective_at desc, id desc limit ?""")) {
                s.setLong(1, providerId);
                s.setInt(2, MAX_HISTORY);
                List<TakeRateChange> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp applied = rs.getTimestamp(8);
                        out.add(new TakeRateChange(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                                applied == null ? null : applied.toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** Basis points as a percentage: 500 → "5%", 1234 → "12.34%". */
    public static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String providerName(Connection c, long providerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select name from provider where id = ? for update")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AdminActionException(null, "There is no provider " + providerId);
                }
                return rs.getString(1);
            }
        }
    }
}
