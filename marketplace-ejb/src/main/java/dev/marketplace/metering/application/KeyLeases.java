package dev.marketplace.metering.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.infrastructure.GroupCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
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
 * This node's key limit leases (decision 0018): per limited API key, a slice of the key's remaining budget for its
 * current period reserved once in the database ({@link KeyLeaseStore}), from which calls' holds are then reserved in
 * memory, as {@link BalanceLeases} does for the developer's credit. A lease serves calls only under the terms it was
 * granted for ({@link KeyTerms}: limit, reset, period); when they changed the unused part goes back first. When a
 * grant finds less than the call's hold left, the key is served by per-call holds for a while and the lease gives
 * back its unused part. The heartbeat ({@link #tick}) renews leases, answers recalls and key changes, closes idle
 * leases and returns expired leases of dead nodes. Timings are the balance leases' own.
 */
@ApplicationScoped
public class KeyLeases {
    private static final Logger LOG = Logger.getLogger(KeyLeases.class.getName());
    private static final long VALID_NANOS = TimeUnit.SECONDS.toNanos(BalanceLeases.TTL_SECONDS)
            - TimeUnit.MILLISECONDS.toNanos(BalanceLeases.SAFETY_MS);

    @Inject
    GroupCommit groupCommit;
    @Inject
    BalanceLeases balanceLeases;
    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final KeyLeaseStore store = new KeyLeaseStore();
    private final Map<Long, KeyLease> byKey = new ConcurrentHashMap<>();
    private final Map<Long, Long> directUntilNanos = new ConcurrentHashMap<>();
    private final Map<Long, Object> topUpLocks = new ConcurrentHashMap<>();
    private final AtomicLong leaseCounter = new AtomicLong();
    private volatile long lastSweepNanos = System.nanoTime();

    /** One lease and the terms it was last granted under. */
    private static final class KeyLease {
        final long keyId;
        final NodeLease lease;
        volatile KeyTerms terms;

        KeyLease(long keyId, NodeLease lease, KeyTerms terms) {
            this.keyId = keyId;
            this.lease = lease;
            this.terms = terms;
        }
    }

    /**
     * Reserves the key limit part of a call's hold from this node's lease on the key, topping the lease up if needed;
     * empty when the key is served by per-call holds (too little left to lease, recently recalled, or lost).
     */
    Optional<KeyLeaseHold> reserve(KeyState key, long amountMicros) {
        long now = System.nanoTime();
        KeyTerms terms = KeyTerms.of(key, Instant.now());
        KeyLease held = byKey.get(key.keyId());
        if (held != null && terms.equals(held.terms) && held.lease.tryReserve(amountMicros, now)) {
            return Optional.of(new KeyLeaseHold(held.lease, key.keyId(), terms, amountMicros));
        }
        if (direct(key.keyId(), now)) {
            return Optional.empty();
        }
        synchronized (topUpLocks.computeIfAbsent(key.keyId(), k -> new Object())) {
            return direct(key.keyId(), System.nanoTime()) ? Optional.empty()
                    : topUpAndReserve(key.keyId(), terms, amountMicros);
        }
    }

    private boolean direct(long keyId, long nowNanos) {
        Long until = directUntilNanos.get(keyId);
        return until != null && nowNanos - until < 0;
    }

    private Optional<KeyLeaseHold> topUpAndReserve(long keyId, KeyTerms terms, long amountMicros) {
        long started = System.nanoTime();
        KeyLease held = byKey.get(keyId);
        if (held != null && terms.equals(held.terms) && held.lease.tryReserve(amountMicros, started)) {
            return Optional.of(new KeyLeaseHold(held.lease, keyId, terms, amountMicros)); // topped up meanwhile
        }
        if (held != null && !held.lease.retired() && !terms.equals(held.terms)) {
            giveBackFree(held, true, false); // a new period or a changed limit: the unused part first goes back
        }
        if (held != null && held.lease.retired()) {
            byKey.remove(keyId, held);
            held = null;
        }
        NodeLease lease = held == null ? null : held.lease;
        long free = lease == null ? 0 : Math.max(0, lease.freeMicros());
        long need = free >= amountMicros ? amountMicros : amountMicros - free; // covered but past its time: renew too
        long want = KeySlices.want(amountMicros, need);
        String id = lease == null ? balanceLeases.nodeId() + ":key:" + leaseCounter.incrementAndGet() + ":" + keyId
                : lease.id();
        String nodeId = balanceLeases.nodeId();
        KeyLeaseGrant grant = groupCommit.run("leasing the limit of key " + keyId,
                c -> store.acquire(c, id, keyId, nodeId, terms, want, need, BalanceLeases.TTL_SECONDS));
        if (!grant.open()) {
            LOG.warning(() -> "Key lease " + id + " was returned while this node used it; calls go on with per-call holds");
            retire(keyId, held);
            return Optional.empty();
        }
        if (grant.grantedMicros() == 0) {
            directUntilNanos.put(keyId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BalanceLeases.DIRECT_MODE_MS));
            if (held != null) {
                giveBackFree(held, true, false);
            }
            return Optional.empty();
        }
        if (held == null) {
            held = new KeyLease(keyId, new NodeLease(id, "key " + keyId, started), terms);
            byKey.put(keyId, held);
        }
        held.terms = terms;
        held.lease.added(grant.grantedMicros(), started + VALID_NANOS);
        return held.lease.tryReserve(amountMicros, System.nanoTime())
                ? Optional.of(new KeyLeaseHold(held.lease, keyId, terms, amountMicros)) : Optional.empty();
    }

    /** The call's charge committed: the lease shrank by its cost. */
    void settled(KeyLeaseHold hold, long costMicros) {
        hold.lease().settled(hold.holdMicros(), costMicros);
    }

    /** The call ended without a charge. */
    void released(KeyLeaseHold hold) {
        hold.lease().released(hold.holdMicros());
    }

    /** The call's charge may or may not have committed: the lease is no longer used or renewed, and expires. */
    void abandoned(KeyLeaseHold hold, RuntimeException cause) {
        LOG.log(Level.WARNING, "Giving up key lease " + hold.leaseId() + " after an uncertain charge; it will expire",
                cause);
        hold.lease().retire();
        byKey.computeIfPresent(hold.keyId(), (k, held) -> held.lease == hold.lease() ? null : held);
    }

    /**
     * Gives back the unused part of this node's lease on the key now (a per-call hold is about to be refused while
     * this node parks some of the key's budget); whether anything went back.
     */
    boolean giveBackUnused(long keyId) {
        KeyLease held = byKey.get(keyId);
        if (held == null || held.lease.retired() || held.lease.freeMicros() <= 0) {
            return false;
        }
        directUntilNanos.put(keyId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BalanceLeases.DIRECT_MODE_MS));
        return giveBackFree(held, true, false) > 0;
    }

    /** Asks other nodes to give back the unused part of their leases on the key; how many were asked. */
    int recallOthers(long keyId) {
        String nodeId = balanceLeases.nodeId();
        return groupCommit.run("recalling leases of key " + keyId, c -> store.recallOthers(c, keyId, nodeId));
    }

    /** How many other nodes' leases on the key were asked back and have not answered yet. */
    long pendingRecalls(long keyId) {
        String nodeId = balanceLeases.nodeId();
        return Transactions.withConnection(dataSource, "reading recalls of key " + keyId,
                c -> store.pendingRecalls(c, keyId, nodeId));
    }

    /** The heartbeat: renew, answer recalls and key changes, give back at period ends, close idle leases; sweep. */
    void tick() {
        long now = System.nanoTime();
        List<KeyLease> live = byKey.values().stream().filter(l -> !l.lease.retired()).toList();
        if (!live.isEmpty()) {
            renew(live, now);
        }
        byKey.values().removeIf(l -> l.lease.retired());
        directUntilNanos.values().removeIf(until -> now - until >= 0);
        if (now - lastSweepNanos > TimeUnit.MILLISECONDS.toNanos(BalanceLeases.SWEEP_EVERY_MS)) {
            lastSweepNanos = now;
            List<String> returned = Transactions.inTransaction(dataSource, "returning expired key leases",
                    c -> store.returnExpired(c, BalanceLeases.MAX_RETURNED_PER_SWEEP));
            if (!returned.isEmpty()) {
                LOG.warning(() -> "Returned " + returned.size() + " expired key leases of stopped nodes: " + returned);
            }
        }
    }

    private void renew(List<KeyLease> live, long started) {
        String nodeId = balanceLeases.nodeId();
        Map<String, Boolean> open = Transactions.inTransaction(dataSource, "renewing key leases",
                c -> store.renew(c, nodeId, live.stream().map(l -> l.lease.id()).toList(), BalanceLeases.TTL_SECONDS));
        Instant wallNow = Instant.now();
        for (KeyLease held : live) {
            NodeLease lease = held.lease;
            Boolean giveBack = open.get(lease.id());
            if (giveBack == null) {
                LOG.warning(() -> "Key lease " + lease.id() + " was returned while this node held it");
                lease.retire();
                continue;
            }
            lease.renewed(started + VALID_NANOS);
            if (giveBack || !held.terms.currentAt(wallNow)) {
                // recalled, the key changed, or its period ended: keep only what calls in flight reserved; after a
                // recall or a change, per-call holds for a while, so the node does not take back what it gave
                if (giveBack) {
                    directUntilNanos.put(held.keyId, started
                            + TimeUnit.MILLISECONDS.toNanos(BalanceLeases.DIRECT_MODE_MS));
                }
                giveBackFree(held, false, giveBack);
                continue;
            }
            long idleHeld = lease.retireIfIdle(started, TimeUnit.MILLISECONDS.toNanos(BalanceLeases.IDLE_CLOSE_MS));
            if (idleHeld >= 0) {
                close(lease, idleHeld);
            }
        }
    }

    /**
     * Gives the unreserved part of the lease back (closing it if nothing is reserved); on failure retires it. With
     * {@code answer} the database is written even when nothing is given back, to clear the recall request.
     *
     * @return what went back
     */
    private long giveBackFree(KeyLease held, boolean viaGroupCommit, boolean answer) {
        NodeLease lease = held.lease;
        long[] taken = lease.takeFree();
        if (taken[0] == 0 && taken[1] == 0 && !answer) {
            return 0;
        }
        Transactions.Work<Boolean> work = c -> store.giveBack(c, lease.id(), taken[0], taken[1] == 1);
        try {
            boolean open = viaGroupCommit ? groupCommit.run("giving back key lease " + lease.id(), work)
                    : Transactions.inTransaction(dataSource, "giving back key lease " + lease.id(), work);
            if (!open) {
                lease.retire();
            }
            return taken[0];
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back key lease " + lease.id() + "; it will expire", e);
            lease.retire();
            return 0;
        }
    }

    private void close(NodeLease lease, long heldMicros) {
        try {
            Transactions.inTransaction(dataSource, "closing key lease " + lease.id(),
                    c -> store.giveBack(c, lease.id(), heldMicros, true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close idle key lease " + lease.id() + "; it will expire", e);
        }
    }

    /** On shutdown: give back what is not reserved; leases of calls in flight expire. */
    void closeAll() {
        for (KeyLease held : byKey.values()) {
            if (!held.lease.retired()) {
                giveBackFree(held, false, false);
            }
        }
        byKey.clear();
    }

    private void retire(long keyId, KeyLease held) {
        if (held != null) {
            held.lease.retire();
            byKey.remove(keyId, held);
        }
    }
}
