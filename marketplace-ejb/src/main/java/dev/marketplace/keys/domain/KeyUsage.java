package dev.marketplace.keys.domain;

/**
 * What a key has spent, in micro-USD: in all, and since the start of the current UTC day, ISO week and month.
 * {@link #sinceReset} is what counts against a limit with that reset period.
 */
public record KeyUsage(long totalMicros, long dailyMicros, long weeklyMicros, long monthlyMicros) {
    public static final KeyUsage NONE = new KeyUsage(0, 0, 0, 0);

    public long sinceReset(LimitReset reset) {
        return switch (reset) {
            case NONE -> totalMicros;
            case DAILY -> dailyMicros;
            case WEEKLY -> weeklyMicros;
            case MONTHLY -> monthlyMicros;
        };
    }

    /** What is left of a limit (null: no limit, so nothing to report); never negative. */
    public Long remainingMicros(Long limitMicros, LimitReset reset) {
        return limitMicros == null ? null : Math.max(0, limitMicros - sinceReset(reset));
    }
}
