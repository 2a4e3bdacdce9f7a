package dev.marketplace.catalog.stats;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link EndpointStatsCollector#flush} every {@link EndpointStatsCollector#FLUSH_SECONDS} seconds from deployment
 * to undeployment, and once more on the way down so a clean shutdown loses nothing. A failed flush is logged (at most
 * once a minute) and retried by the next one with the same deltas.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EndpointStatsFlush {
    private static final Logger LOG = Logger.getLogger(EndpointStatsFlush.class.getName());
    static final long WARN_EVERY_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    EndpointStatsCollector collector;

    private ScheduledFuture<?> flushing;
    private long lastWarningNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS + 1);
    private int failuresSinceWarning;

    @PostConstruct
    void start() {
        long every = EndpointStatsCollector.FLUSH_SECONDS;
        flushing = scheduler.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.SECONDS);
    }

    private void flush() {
        try {
            collector.flush();
            failuresSinceWarning = 0;
        } catch (RuntimeException e) {
            failuresSinceWarning++;
            long now = System.nanoTime();
            if (now - lastWarningNanos > TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS)) {
                lastWarningNanos = now;
                LOG.log(Level.WARNING, "Could not flush endpoint stats (" + failuresSinceWarning
                        + " failures since the last warning); the deltas are kept and retried", e);
                failuresSinceWarning = 0;
            }
        }
    }

    @PreDestroy
    void stop() {
        flushing.cancel(false);
        try {
            collector.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Endpoint stats of the last seconds could not be written at shutdown", e);
        }
    }
}
