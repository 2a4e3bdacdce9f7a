package dev.marketplace.billing.settlements;

/** A provider's own settlement period and minimum payout (micro-USD). */
public record ProviderSetting(long providerId, Frequency frequency, long minimumPayoutMicros) {

    public ProviderSetting {
        if (minimumPayoutMicros < 0) {
            throw new IllegalArgumentException("minimum payout must not be negative: " + minimumPayoutMicros);
        }
    }
}
