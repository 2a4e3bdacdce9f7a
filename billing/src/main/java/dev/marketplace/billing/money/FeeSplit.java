package dev.marketplace.billing.money;

/**
 * A gross amount split into the platform fee and the payee's share; the two always add back to the gross.
 */
public record FeeSplit(long grossMicros, long feeMicros, long shareMicros) {

    public FeeSplit {
        if (grossMicros < 0 || feeMicros < 0 || shareMicros < 0) {
            throw new IllegalArgumentException("negative split: gross=" + grossMicros
                    + " fee=" + feeMicros + " share=" + shareMicros);
        }
        if (Math.addExact(feeMicros, shareMicros) != grossMicros) {
            throw new IllegalArgumentException("fee " + feeMicros + " + share " + shareMicros
                    + " != gross " + grossMicros);
        }
    }
}
