package dev.marketplace.metering.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.leases.LeaseGrant;
import dev.marketplace.billing.leases.LeaseStore;
import dev.marketplace.billing.leases.ReturnedLease;
import dev.marketplace.metering.infrastructure.GroupCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This node's balance leases (decision 0007): per developer account, a slice of the available credit reserved once
 * in the database, from which calls' holds are then reserved in memory, with no database work per call. When a
 * lease cannot cover a call it is topped up (one group-committed statement set); an account too poor to lease from
 * (less than {@link #MIN_CALLS_PER_LEASE} calls' worth available) is served by per-call conditional holds for a
 * while, after this node gave back the unreserved part of its lease. The heartbeat ({@link #tick}, every
 * {@link #TICK_MS} ms) renews the leases in use, answers other nodes' recalls, closes idle leases and returns
 * expired leases of dead nodes.
 */
@ApplicationScoped
public class BalanceLeases {
    static final int TTL_SECONDS = 20;
    /** A lease is used for new calls only until this long before the database may consider it expired. */
    static final long SAFETY_MS = 5_000;
    static final long TICK_MS = 250;
    static final long SWEEP_EVERY_MS = 5_000;
    static final long IDLE_CLOSE_MS = 10_000;
    /** After a refused grant or a recall, the account is served by per-call holds for this long. */
    static final long DIRECT_MODE_MS = 5_000;
    static final long MIN_CALLS_PER_LEASE = 16;
    /** What a grant or top-up asks for at most (it also takes at most half of what is available). */
    static final long SLICE_MICROS = 5_000_000;
    static final int MAX_RETURNED_PER_SWEEP = 1_000;
    private static final Logger LOG = Logger.getLogger(BalanceLeases.class.getName());
    private static final long VALID_NANOS = TimeUnit.SECONDS.toNanos(TTL_SECONDS) - TimeUnit.MILLISECONDS.toNanos(SAFETY_MS);

    @Inject
    GroupCommit groupCommit;
    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    /** Unique per process: a restarted node never renews or spends its predecessor's leases. */
    private final String nodeId = System.getProperty("jboss.node.name", "node") + "-" + randomHex(6);
    private final LeaseStore store = new LeaseStore();
    private final Map<String, NodeLease> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Long> directUntilNanos = new ConcurrentHashMap<>();
    private final Map<String, Object> topUpLocks = new ConcurrentHashMap<>();
    private final AtomicLong leaseCounter = new AtomicLong();
    private volatile long lastSweepNanos = System.nanoTime();

    public String nodeId() {
        return nodeId;
    }

    /**
     * Reserves a call's hold from this node's lease on the account, topping the lease up if needed; empty when the
     * account is served by per-call holds (too poor to lease from, recently recalled, or the lease was lost).
     */
    Optional<LeaseHold> reserve(String accountCode, long amountMicros) {
        long now = System.nanoTime();
        NodeLease lease = byAccount.get(accountCode);
        if (lease != null && lease.tryReserve(amountMicros, now)) {
            return Optional.of(new LeaseHold(lease, accountCode, amountMicros));
        }
        if (direct(accountCode, now)) {
            return Optional.empty();
        }
        synchronized (topUpLocks.computeIfAbsent(accountCode, a -> new Object())) {
            // calls that waited for this lock while another found the account too poor go straight to per-call holds
            return direct(accountCode, System.nanoTime()) ? Optional.empty() : topUpAndReserve(accountCode, amountMicros);
        }
    }

    private boolean direct(String accountCode, long nowNanos) {
        Long until = directUntilNanos.get(accountCode);
        return until != null && nowNanos - until < 0;
    }

    private Optional<LeaseHold> topUpAndReserve(String accountCode, long amountMicros) {
        long started = System.nanoTime();
        NodeLease lease = byAccount.get(accountCode);
        if (lease != null && lease.tryReserve(amountMicros, started)) {
            return Optional.of(new LeaseHold(lease, accountCode, amountMicros)); // another call topped it up meanwhile
        }
        if (lease != null && lease.retired()) {
            byAccount.remove(accountCode, lease);
            lease = null;
        }
        long need = amountMicros - (lease == null ? 0 : lease.freeMicros());
        long min = Math.max(need, Math.multiplyExact(amountMicros, MIN_CALLS_PER_LEASE));
        long want = Math.max(min, SLICE_MICROS);
        String id = lease == null ? nodeId + ":" + leaseCounter.incrementAndGet() + ":" + accountCode : lease.id();
        LeaseGrant grant = groupCommit.run("leasing credit of " + accountCode,
                c -> store.acquire(c, id, accountCode, nodeId, want, min, TTL_SECONDS));
        if (!grant.open()) {
            LOG.warning(() -> "Lease " + id + " was returned while this node used it; calls go on with per-call holds");
            retire(lease);
            return Optional.empty();
        }
        if (grant.grantedMicros() == 0) {
            directUntilNanos.put(accountCode, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DIRECT_MODE_MS));
            if (lease != null) {
                giveBackFree(lease, true);
            }
            return Optional.empty();
        }
        if (lease == null) {
            lease = new NodeLease(id, accountCode, started);
            byAccount.put(accountCode, lease);
        }
        lease.added(grant.grantedMicros(), started + VALID_NANOS);
        return lease.tryReserve(amountMicros, System.nanoTime())
                ? Optional.of(new LeaseHold(lease, accountCode, amountMicros)) : Optional.empty();
    }

    /** The call's charge committed. */
    void settled(LeaseHold hold, long spentMicros) {
        hold.lease().settled(hold.holdMicros(), spentMicros);
    }

    /** The call ended without a charge (failed, or nothing was written). */
    void released(LeaseHold hold) {
        hold.lease().released(hold.holdMicros());
    }

    /**
     * The call's charge may or may not have committed: this node no longer knows what its lease holds, so it stops
     * using and renewing it; the lease expires and is returned with whatever it really holds.
     */
    void abandoned(LeaseHold hold, RuntimeException cause) {
        LOG.log(Level.WARNING, "Giving up lease " + hold.leaseId() + " after an uncertain charge; it will expire", cause);
        retire(hold.lease());
    }

    /** What this node can still hold for the account without asking the database, if it holds a lease on it. */
    Optional<Long> leasedFreeMicros(String accountCode) {
        NodeLease lease = byAccount.get(accountCode);
        return lease == null || lease.retired() ? Optional.empty() : Optional.of(lease.freeMicros());
    }

    /** Asks other nodes to give back the unreserved part of their leases on the account; how many were asked. */
    int recallOthers(String accountCode) {
        return groupCommit.run("recalling leases of " + accountCode, c -> store.recallOthers(c, accountCode, nodeId));
    }

    /** How many other nodes' leases on the account were asked back and have not answered yet. */
    long pendingRecalls(String accountCode) {
        return Transactions.withConnection(dataSource, "reading recalls of " + accountCode,
                c -> store.pendingRecalls(c, accountCode, nodeId));
    }

    /** The heartbeat: renew, answer recalls, close idle leases; now and then return dead nodes' expired leases. */
    void tick() {
        long now = System.nanoTime();
        List<NodeLease> live = byAccount.values().stream().filter(l -> !l.retired()).toList();
        if (!live.isEmpty()) {
            renew(live, now);
        }
        byAccount.values().removeIf(NodeLease::retired);
        directUntilNanos.values().removeIf(until -> now - until >= 0);
        if (now - lastSweepNanos > TimeUnit.MILLISECONDS.toNanos(SWEEP_EVERY_MS)) {
            lastSweepNanos = now;
            List<ReturnedLease> returned = Transactions.inTransaction(dataSource, "returning expired leases",
                    c -> store.returnExpired(c, MAX_RETURNED_PER_SWEEP));
            if (!returned.isEmpty()) {
                LOG.warning(() -> "Returned " + returned.size() + " expired balance leases of stopped nodes: " + returned);
            }
        }
    }

    private void renew(List<NodeLease> live, long started) {
        Map<String, Boolean> open = Transactions.inTransaction(dataSource, "renewing leases",
                c -> store.renew(c, nodeId, live.stream().map(NodeLease::id).toList(), TTL_SECONDS));
        for (NodeLease lease : live) {
            Boolean recalled = open.get(lease.id());
            if (recalled == null) {
                LOG.warning(() -> "Lease " + lease.id() + " was returned while this node held it");
                lease.retire();
                continue;
            }
            lease.renewed(started + VALID_NANOS);
            if (recalled) {
                directUntilNanos.put(lease.accountCode(), started + TimeUnit.MILLISECONDS.toNanos(DIRECT_MODE_MS));
                giveBackFree(lease, false);
                continue;
            }
            long idleHeld = lease.retireIfIdle(started, TimeUnit.MILLISECONDS.toNanos(IDLE_CLOSE_MS));
            if (idleHeld >= 0) {
                close(lease, idleHeld);
            }
        }
    }

    /** Gives the unreserved part of the lease back (closing it if nothing is reserved); on failure retires it. */
    private void giveBackFree(NodeLease lease, boolean viaGroupCommit) {
        long[] taken = lease.takeFree();
        Transactions.Work<Boolean> work = c -> store.giveBack(c, lease.id(), taken[0], taken[1] == 1);
        try {
            boolean open = viaGroupCommit ? groupCommit.run("giving back lease " + lease.id(), work)
                    : Transactions.inTransaction(dataSource, "giving back lease " + lease.id(), work);
            if (!open) {
                lease.retire();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back lease " + lease.id() + "; it will expire", e);
            lease.retire();
        }
    }

    private void close(NodeLease lease, long heldMicros) {
        try {
            Transactions.inTransaction(dataSource, "closing lease " + lease.id(),
                    c -> store.giveBack(c, lease.id(), heldMicros, true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close idle lease " + lease.id() + "; it will expire", e);
        }
    }

    /** On shutdown: close what is idle, give back what is not reserved; leases of calls in flight expire. */
    void closeAll() {
        for (NodeLease lease : byAccount.values()) {
            if (!lease.retired()) {
                giveBackFree(lease, false);
            }
        }
        byAccount.clear();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private void retire(NodeLease lease) {
        if (lease != null) {
            lease.retire();
            byAccount.remove(lease.accountCode(), lease);
        }
    }
}
