package dev.marketplace.onboarding.providerapi.infrastructure;

import dev.marketplace.catalog.stats.HealthRules;
import dev.marketplace.onboarding.providerapi.application.EndpointHealth;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint's health in one query over its listings' last day of usage records, counted as {@code catalog.stats}
 * counts (only 'ok' and 'error' calls for uptime, {@link HealthRules#uptime}). The error classes are what the
 * metering records today: {@code upstream_error} (the call failed at every endpoint tried, status 'error'),
 * {@code cancelled} (the caller went away) and {@code capped_usage} (usage reported above what the call allowed).
 */
public final class HealthQuery {
    static final String SQL = """
            select count(*) filter (where u.status = 'ok' and u.created_at >= now() - interval '5 minutes'),
                   count(*) filter (where u.status = 'error' and u.created_at >= now() - interval '5 minutes'),
                   count(*) filter (where u.status = 'ok' and u.created_at >= now() - interval '30 minutes'),
                   count(*) filter (where u.status = 'error' and u.created_at >= now() - interval '30 minutes'),
                   count(*) filter (where u.status = 'ok'),
                   count(*) filter (where u.status = 'error'),
                   count(*) filter (where u.status = 'cancelled'),
                   count(*) filter (where u.capped),
                   percentile_cont(array[0.5, 0.95]::float8[]) within group (order by u.latency_ms::float8)
                       filter (where u.status = 'ok' and u.created_at >= now() - interval '30 minutes'),
                   count(*)
              from usage_record u join listing l on l.id = u.listing_id
             where l.endpoint_id = ? and u.created_at >= now() - interval '1 day'""";

    public EndpointHealth read(Connection c, long endpointId, String name, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL)) {
            s.setLong(1, endpointId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Map<String, Long> errors = new LinkedHashMap<>();
                errors.put("upstream_error", rs.getLong(6));
                errors.put("cancelled", rs.getLong(7));
                errors.put("capped_usage", rs.getLong(8));
                Double[] latency = doubles(rs.getArray(9));
                return new EndpointHealth(endpointId, name, status, HealthRules.uptime(rs.getLong(1), rs.getLong(2)),
                        HealthRules.uptime(rs.getLong(3), rs.getLong(4)), HealthRules.uptime(rs.getLong(5), rs.getLong(6)),
                        latency == null ? null : latency[0], latency == null ? null : latency[1], rs.getLong(10),
                        Map.copyOf(errors));
            }
        }
    }

    private static Double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        if (values.length != 2 || values[0] == null || values[1] == null) {
            return null;
        }
        return new Double[] {((Number) values[0]).doubleValue(), ((Number) values[1]).doubleValue()};
    }
}
