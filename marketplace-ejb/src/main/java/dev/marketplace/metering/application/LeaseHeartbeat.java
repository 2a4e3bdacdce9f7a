package dev.marketplace.metering.application;

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
 * Drives {@link BalanceLeases#tick} and {@link KeyLeases#tick} every {@link BalanceLeases#TICK_MS} ms from deployment
 * to undeployment (EJB timers tick at most once a second; a recall should be answered faster than that), and gives
 * back what the leases do not need when the node shuts down.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseHeartbeat {
    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class.getName());
    static final long WARN_EVERY_SECONDS = 10;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    BalanceLeases leases;
    @Inject
    KeyLeases keyLeases;

    private ScheduledFuture<?> ticking;
    private long lastWarningNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS + 1);
    private int failuresSinceWarning;

    @PostConstruct
    void start() {
        LOG.info(() -> "Balance leases of this node are owned by " + leases.nodeId());
        ticking = scheduler.scheduleWithFixedDelay(this::tick, BalanceLeases.TICK_MS, BalanceLeases.TICK_MS,
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        beat(leases::tick);
        beat(keyLeases::tick);
    }

    private void beat(Runnable ticker) {
        try {
            ticker.run();
            failuresSinceWarning = 0;
        } catch (RuntimeException e) { // the next tick tries again; leases this node cannot renew stop serving calls
            long now = System.nanoTime();
            failuresSinceWarning++;
            if (now - lastWarningNanos > TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS)) { // not 4 lines a second
                lastWarningNanos = now;
                LOG.log(Level.WARNING, "Lease heartbeat failed (" + failuresSinceWarning + " times since the last"
                        + " warning)", e);
                failuresSinceWarning = 0;
            }
        }
    }

    @PreDestroy
    void stop() {
        ticking.cancel(false);
        keyLeases.closeAll();
        leases.closeAll();
    }
}
