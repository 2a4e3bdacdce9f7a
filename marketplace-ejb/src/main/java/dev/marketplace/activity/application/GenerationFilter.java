package dev.marketplace.activity.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Which of a developer's generations to show: UTC days {@code from} to {@code to} inclusive (at most
 * {@link #MAX_DAYS}), and optionally one model, one key and one status (null for any).
 */
public record GenerationFilter(LocalDate from, LocalDate to, String model, Long keyId, String status) {
    /** A year and a day: bounds every query and every export. */
    public static final int MAX_DAYS = 367;
    public static final Set<String> STATUSES = Set.of("ok", "error", "cancelled");

    public GenerationFilter {
        if (from == null || to == null) {
            throw new IllegalArgumentException("Choose both a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day is before the first day");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("At most " + MAX_DAYS + " days at a time");
        }
        model = model == null || model.isBlank() ? null : model.strip();
        status = status == null || status.isBlank() ? null : status;
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown status: " + status);
        }
    }

    /** The last {@code days} UTC days up to and including {@code today}, nothing else filtered. */
    public static GenerationFilter lastDays(int days, LocalDate today) {
        return new GenerationFilter(today.minusDays(days - 1L), today, null, null, null);
    }

    public GenerationFilter withModel(String value) {
        return new GenerationFilter(from, to, value, keyId, status);
    }

    public GenerationFilter withKey(Long value) {
        return new GenerationFilter(from, to, model, value, status);
    }

    public GenerationFilter withStatus(String value) {
        return new GenerationFilter(from, to, model, keyId, value);
    }
}
