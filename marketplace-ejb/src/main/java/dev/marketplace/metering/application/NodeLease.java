package dev.marketplace.metering.application;

/**
 * This node's view of one of its balance leases: how much the lease holds in the database ({@code heldMicros}, as
 * far as this node's committed work goes) and how much of it calls in flight have reserved. Calls reserve from it
 * in memory; settled calls shrink it by what they spent. Usable only until {@code validUntilNanos}, a safety margin
 * before the database may consider it expired. After giving back its unreserved part (a recall, or an account too
 * poor to lease from) it drains: it serves no new call until topped up again, and closes once its calls are done.
 * Once retired (closed, returned, given up, or its state uncertain) it serves nothing more.
 */
final class NodeLease {
    private final String id;
    private final String accountCode;
    private long heldMicros;
    private long reservedMicros;
    private long validUntilNanos;
    private long lastUsedNanos;
    private boolean draining;
    private boolean retired;

    NodeLease(String id, String accountCode, long nowNanos) {
        this.id = id;
        this.accountCode = accountCode;
        this.lastUsedNanos = nowNanos;
        this.validUntilNanos = nowNanos;
    }

    String id() {
        return id;
    }

    String accountCode() {
        return accountCode;
    }

    /** Reserves the amount for a call if the lease is usable and its unreserved part covers it. */
    synchronized boolean tryReserve(long amountMicros, long nowNanos) {
        if (retired || draining || nowNanos - validUntilNanos >= 0 || heldMicros - reservedMicros < amountMicros) {
            return false;
        }
        reservedMicros += amountMicros;
        lastUsedNanos = nowNanos;
        return true;
    }

    /** A grant (or top-up) committed: the lease holds more, and is valid until the given time at least. */
    synchronized void added(long grantedMicros, long validUntilNanos) {
        heldMicros = Math.addExact(heldMicros, grantedMicros);
        draining = false;
        renewed(validUntilNanos);
    }

    synchronized void renewed(long validUntilNanos) {
        if (validUntilNanos - this.validUntilNanos > 0) {
            this.validUntilNanos = validUntilNanos;
        }
    }

    /** A call's charge committed: its reservation ends and the lease shrank by what it spent. */
    synchronized void settled(long reservedForCallMicros, long spentMicros) {
        reservedMicros -= reservedForCallMicros;
        heldMicros -= spentMicros;
    }

    /** A call ended without a charge: its reservation ends. */
    synchronized void released(long reservedForCallMicros) {
        reservedMicros -= reservedForCallMicros;
    }

    synchronized long freeMicros() {
        return retired ? 0 : heldMicros - reservedMicros;
    }

    synchronized boolean retired() {
        return retired;
    }

    synchronized void retire() {
        retired = true;
    }

    /**
     * Takes the unreserved part out of the lease, to give it back to the account, and lets the lease drain; when
     * nothing is reserved the lease is retired as well and the amount is all it holds (the caller then closes it).
     *
     * @return {amount, 1 if the lease is to be closed else 0}
     */
    synchronized long[] takeFree() {
        long free = retired ? 0 : heldMicros - reservedMicros;
        heldMicros -= free;
        boolean close = !retired && reservedMicros == 0;
        if (close) {
            retired = true;
        }
        draining = true;
        return new long[] {free, close ? 1 : 0};
    }

    /**
     * Retires the lease if no call is in flight and it is draining or no call has used it for the given time; returns
     * its held amount (to close it with), or -1.
     */
    synchronized long retireIfIdle(long nowNanos, long idleNanos) {
        if (retired || reservedMicros != 0 || (!draining && nowNanos - lastUsedNanos < idleNanos)) {
            return -1;
        }
        retired = true;
        return heldMicros;
    }
}
