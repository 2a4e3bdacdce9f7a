package dev.marketplace.metering.application;

/**
 * How big a slice of a limited key's remaining budget a node leases (decision 0018). A top-up asks for what the call
 * needs at least, ideally {@link #WANT_CALLS} calls' worth, at most {@link #MAX_SLICE_MICROS} (unless one call needs
 * more); the grant gives at most half of what remains, but never less than the minimum asked, and nothing when even
 * that is not left. So a small limit is shared out one call at a time near its end, and another node always finds
 * something left while there is more than one call's worth.
 */
final class KeySlices {
    static final long WANT_CALLS = 16;
    static final long MAX_SLICE_MICROS = 5_000_000;

    private KeySlices() {
    }

    /** What a top-up asks for, given the call's hold and how much the lease lacks to cover it ({@code > 0}). */
    static long want(long holdMicros, long needMicros) {
        if (holdMicros <= 0 || needMicros <= 0 || needMicros > holdMicros) {
            throw new IllegalArgumentException("a top-up for a hold of " + holdMicros + " needs " + needMicros);
        }
        return Math.max(needMicros, Math.min(Math.multiplyExact(holdMicros, WANT_CALLS), MAX_SLICE_MICROS));
    }

    /**
     * What a grant adds to a lease: 0 if less than {@code minMicros} remains of the key's budget, else half of what
     * remains, at least {@code minMicros} and at most {@code wantMicros}.
     */
    static long grant(long remainingMicros, long wantMicros, long minMicros) {
        if (minMicros <= 0 || wantMicros < minMicros) {
            throw new IllegalArgumentException("a grant wants " + wantMicros + " (at least " + minMicros + ")");
        }
        if (remainingMicros < minMicros) {
            return 0;
        }
        return Math.min(wantMicros, Math.max(minMicros, remainingMicros / 2));
    }
}
