package dev.marketplace.onboarding.providerapi.infrastructure;

import dev.marketplace.catalog.stats.HealthRules;
import dev.marketplace.catalog.stats.RollupQueries;
import dev.marketplace.catalog.stats.RollupTotals;
import dev.marketplace.onboarding.providerapi.application.EndpointHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint's health from the per-minute rollup of its listings' calls ({@code catalog.stats}, decision 0017),
 * counted as {@code catalog.stats} counts (only 'ok' and 'error' calls for uptime, {@link HealthRules#uptime}). The
 * error classes are what the metering records today: {@code upstream_error} (the call failed at every endpoint tried,
 * status 'error'), {@code cancelled} (the caller went away) and {@code capped_usage} (usage reported above what the
 * call allowed). Latency percentiles come from the rollup's histograms (within 6.25%).
 */
public final class HealthQuery {
    public EndpointHealth read(Connection c, long endpointId, String name, String status) throws SQLException {
        RollupTotals t = RollupQueries.byEndpoint(c, new Long[] {endpointId})
                .getOrDefault(endpointId, RollupTotals.empty());
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("upstream_error", t.error1d());
        errors.put("cancelled", t.cancelled1d());
        errors.put("capped_usage", t.capped1d());
        return new EndpointHealth(endpointId, name, status, t.uptime5m(), t.uptime30m(), t.uptime1d(),
                t.latencyPercentile30m(0.5), t.latencyPercentile30m(0.95), t.requests1d(), Map.copyOf(errors));
    }
}
