package dev.marketplace.billing.settlements;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How long a provider's settlement period is; periods are aligned to UTC days, ISO weeks (Monday) or months. */
public enum Frequency {
    DAILY, WEEKLY, MONTHLY;

    /** The aligned period that contains {@code at}. */
    public Period periodContaining(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
        LocalDate end = switch (this) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
        };
        return new Period(start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The period that starts at {@code start} and ends where the aligned period containing it ends (a period right
     * after a change of frequency may be shorter than a whole one).
     */
    public Period periodFrom(Instant start) {
        return new Period(start, periodContaining(start).end());
    }

    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Frequency fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
