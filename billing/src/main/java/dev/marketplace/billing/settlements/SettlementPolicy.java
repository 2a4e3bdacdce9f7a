package dev.marketplace.billing.settlements;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Defaults of settlement: a provider's period and minimum payout when it has no setting of its own, and the grace
 * window after a period's end before it may be settled (streams that still hold funds post their usage when they
 * end, so a period is settled only once every stream that started in it must have ended).
 */
public record SettlementPolicy(Frequency defaultFrequency, long defaultMinimumPayoutMicros, Duration grace) {

    public static final long DEFAULT_MINIMUM_PAYOUT_MICROS = 25_000_000L;
    /** Longer than the longest stream the gateway allows, plus the group commit. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(30);

    public SettlementPolicy {
        if (defaultMinimumPayoutMicros < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("minimum payout and grace must not be negative");
        }
    }

    /** From MARKET_SETTLEMENT_FREQUENCY, MARKET_MINIMUM_PAYOUT_MICROS, MARKET_SETTLEMENT_GRACE_SECONDS. */
    public static SettlementPolicy resolve(Map<String, String> env, Properties system) {
        String frequency = setting(env, system, "MARKET_SETTLEMENT_FREQUENCY", "market.settlement.frequency", "monthly");
        String minimum = setting(env, system, "MARKET_MINIMUM_PAYOUT_MICROS", "market.settlement.minimum-payout-micros",
                Long.toString(DEFAULT_MINIMUM_PAYOUT_MICROS));
        String grace = setting(env, system, "MARKET_SETTLEMENT_GRACE_SECONDS", "market.settlement.grace-seconds",
                Long.toString(DEFAULT_GRACE.toSeconds()));
        return new SettlementPolicy(Frequency.fromColumn(frequency.strip()), Long.parseLong(minimum.strip()),
                Duration.ofSeconds(Long.parseLong(grace.strip())));
    }

    private static String setting(Map<String, String> env, Properties system, String envName, String property,
                                  String fallback) {
        String value = system.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(envName);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
