package dev.marketplace.keys.infrastructure;

import dev.marketplace.keys.domain.KeyUsage;
import dev.marketplace.keys.domain.LimitReset;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Sums the cost of keys' usage records (metering's {@code usage_record}) per key, in all and per reset period. */
@ApplicationScoped
public class KeyUsageQueries {
    private static final String SUMS = """
            select api_key_id, coalesce(sum(cost_micros), 0)::bigint,
                   coalesce(sum(cost_micros) filter (where created_at >= ?), 0)::bigint,
                   coalesce(sum(cost_micros) filter (where created_at >= ?), 0)::bigint,
                   coalesce(sum(cost_micros) filter (where created_at >= ?), 0)::bigint
            from usage_record where api_key_id = any (?) group by api_key_id""";

    /** Per key, one backward step along usage_record_api_key: cheap however long the history. */
    private static final String LAST_USED = """
            select k.id, (select max(u.created_at) from usage_record u where u.api_key_id = k.id)
            from api_key k where k.id = any (?)""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public KeyUsage of(long keyId) {
        return of(List.of(keyId)).getOrDefault(keyId, KeyUsage.NONE);
    }

    /** Usage per key id; keys without usage are absent. */
    public Map<Long, KeyUsage> of(List<Long> keyIds) {
        Map<Long, KeyUsage> out = new HashMap<>();
        if (keyIds.isEmpty()) {
            return out;
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUMS)) {
            ps.setObject(1, LimitReset.DAILY.periodStart(now).atOffset(ZoneOffset.UTC));
            ps.setObject(2, LimitReset.WEEKLY.periodStart(now).atOffset(ZoneOffset.UTC));
            ps.setObject(3, LimitReset.MONTHLY.periodStart(now).atOffset(ZoneOffset.UTC));
            Array ids = c.createArrayOf("bigint", keyIds.toArray());
            ps.setArray(4, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new KeyUsage(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read key usage", e);
        }
    }

    /** When each key last made a call; keys never used are absent. */
    public Map<Long, Instant> lastUsedAt(List<Long> keyIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (keyIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LAST_USED)) {
            ps.setArray(1, c.createArrayOf("bigint", keyIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        out.put(rs.getLong(1), at.toInstant());
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read when keys were last used", e);
        }
    }
}
