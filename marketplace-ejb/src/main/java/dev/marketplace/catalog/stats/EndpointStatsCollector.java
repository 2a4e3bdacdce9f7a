package dev.marketplace.catalog.stats;

import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.Config;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Where the settle path reports each call (see {@link #observe}) and from where the rollup is written: {@link #flush}
 * drains this node's {@link MinuteCounters} into a pending set, adds the pending set to {@code endpoint_minute_stats}
 * in one transaction and forgets it only once committed, so a failed flush loses nothing: the next one sends the
 * same deltas again plus the new ones. Pending minutes older than {@link #KEEP} are dropped (pruning would delete
 * them anyway), which bounds what an outage of the database can pile up. Every drain also feeds this node's
 * {@link RecentWindow}, which routing reads.
 */
@ApplicationScoped
public class EndpointStatsCollector {
    /** {@code market.stats.flush-seconds} ({@code MARKET_STATS_FLUSH_SECONDS}): how often deltas are written (≥ 1). */
    public static final long FLUSH_SECONDS = Math.max(1, Config.getLong("stats.flush-seconds", 5));
    /** How long rollup rows are kept: the longest window (a day) with a day to spare. */
    static final Duration KEEP = Duration.ofDays(2);
    static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final long MS_PER_MINUTE = 60_000;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final LongSupplier clock;
    private final MinuteCounters counters = new MinuteCounters();
    private final RecentWindow recent = new RecentWindow();
    /** Drained but not yet committed, by listing and minute; only touched under this object's lock. */
    private final Map<List<Long>, MinuteDelta> pending = new HashMap<>();
    private long lastPruneMillis;

    public EndpointStatsCollector() {
        this.clock = System::currentTimeMillis;
    }

    /** Outside the container (tests, tools): writes through this data source, reads the time from {@code clock}. */
    public EndpointStatsCollector(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One settled call of a listing (status, latency, completion tokens, capped as in its usage record). */
    public void observe(long listingId, UsageStatus status, long latencyMs, long completionTokens, boolean capped) {
        counters.observe(listingId, status, latencyMs, completionTokens, capped, clock.getAsLong());
    }

    /**
     * Drains and writes everything counted so far; returns the number of rows added to. A database failure keeps
     * the pending deltas for the next flush and is thrown.
     */
    public synchronized int flush() {
        long now = clock.getAsLong();
        long nowMinute = Math.floorDiv(now, MS_PER_MINUTE);
        List<MinuteDelta> drained = counters.drain(now);
        recent.add(drained, nowMinute);
        for (MinuteDelta d : drained) {
            pending.merge(List.of(d.listingId(), d.epochMinute()), d, MinuteDelta::plus);
        }
        long oldest = nowMinute - KEEP.toMinutes();
        pending.values().removeIf(d -> d.epochMinute() < oldest);
        boolean prune = now - lastPruneMillis >= PRUNE_EVERY.toMillis();
        if (pending.isEmpty() && !prune) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            int rows = pending.size();
            if (rows > 0) {
                MinuteStatsStore.add(c, pending.values());
                pending.clear();
            }
            if (prune) {
                MinuteStatsStore.prune(c, Instant.ofEpochMilli(now), KEEP);
                lastPruneMillis = now;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write endpoint stats (" + pending.size()
                    + " listing-minutes kept for the next flush)", e);
        }
    }

    /** This node's last 30 minutes of latency and throughput per listing, as of the last flush. */
    public Map<Long, EndpointStats> recentPercentiles() {
        return recent.percentiles(Math.floorDiv(clock.getAsLong(), MS_PER_MINUTE));
    }

    /** Listing-minutes drained but not yet written. */
    synchronized int pendingRows() {
        return pending.size();
    }
}
