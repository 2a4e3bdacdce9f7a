package dev.marketplace.onboarding.verification.application;

import dev.marketplace.platform.Config;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-probes every live listing once per interval ({@code MARKET_PROBE_INTERVAL}, ISO-8601 such as {@code PT15M} or
 * seconds, default 15 minutes). It ticks every interval / 15 (at least 1 s, at most a minute) and starts the listings
 * whose latest run is older than the interval, least recently probed first, at most a few at a time: each listing
 * keeps its own rhythm from its last run, so the load spreads over the interval. Runs are claimed in the database,
 * so two nodes never probe one listing at once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReprobeTimer {
    private static final Logger LOG = Logger.getLogger(ReprobeTimer.class.getName());
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    static final int MAX_STARTED_PER_TICK = 20;
    /** A run still running after this long was left by a dead node. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    @Resource
    TimerService timers;
    @Inject
    ListingProbes probes;

    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = interval(Config.get("probe.interval", ""));
        long tickMs = tickMs(interval);
        timers.createIntervalTimer(tickMs, tickMs, new TimerConfig("probe re-probe", false));
        LOG.info(() -> "Re-probing live listings every " + interval + " (tick " + tickMs + " ms)");
    }

    @Timeout
    void tick() {
        try {
            probes.store().abandonStale(STALE_AFTER);
            List<Long> due = probes.store().dueForReprobe(interval, MAX_STARTED_PER_TICK);
            for (long listingId : due) {
                if (!probes.startScheduled(listingId)) {
                    return; // every slot busy: the rest stay due for the next tick
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-probe tick failed; trying again on the next tick", e);
        }
    }

    /** {@code PT15M}, {@code 900} (seconds) or empty for the default. */
    static Duration interval(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        Duration d = setting.strip().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(setting.strip()))
                : Duration.parse(setting.strip());
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("MARKET_PROBE_INTERVAL must be positive: " + setting);
        }
        return d;
    }

    static long tickMs(Duration interval) {
        return Math.max(1_000, Math.min(60_000, interval.toMillis() / 15));
    }
}
