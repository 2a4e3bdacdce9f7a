package dev.marketplace.keys.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a key's credit limit starts over: never, or at the start of each UTC day, ISO week (Monday) or month, as
 * OpenRouter's {@code limit_reset}. Stored in {@code api_key.limit_reset} as its wire value; "never" is stored as null.
 */
public enum LimitReset {
    NONE(null),
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly");

    private final String wireValue;

    LimitReset(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The API's and the column's value; null for {@link #NONE}. */
    public String wireValue() {
        return wireValue;
    }

    /** Parses the wire value: null means {@link #NONE}; anything unknown is empty. */
    public static Optional<LimitReset> fromWire(String value) {
        if (value == null) {
            return Optional.of(NONE);
        }
        for (LimitReset reset : values()) {
            if (value.equals(reset.wireValue)) {
                return Optional.of(reset);
            }
        }
        return Optional.empty();
    }

    /** The period in words, for messages: "day", "week", "month" (empty for {@link #NONE}). */
    public String periodName() {
        return switch (this) {
            case NONE -> "";
            case DAILY -> "day";
            case WEEKLY -> "week";
            case MONTHLY -> "month";
        };
    }

    /** Where the period containing {@code now} starts; {@link Instant#EPOCH} when the limit never resets. */
    public Instant periodStart(Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (this) {
            case NONE -> LocalDate.EPOCH;
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
