package dev.marketplace.ui.developer;

import dev.marketplace.billing.money.Money;
import dev.marketplace.keys.application.NewKey;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what the new-key form holds into a {@link NewKey}, or says per field what is wrong with it. Only the form's
 * own syntax is checked here (an amount, a date); the key rules themselves are the application service's.
 */
final class KeyFormInput {
    static final String NAME = "name";
    static final String LIMIT = "limit";
    static final String EXPIRES = "expires";

    private KeyFormInput() {
    }

    /** The request, or the error message of each field at fault. */
    record Result(NewKey request, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param limitUsd blank for no limit; otherwise a plain USD amount, a leading {@code $} allowed
     * @param expiresOn null for no expiry; the key works through the end of that UTC day
     */
    static Result parse(String name, String limitUsd, LimitReset reset, LocalDate expiresOn, LocalDate todayUtc) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put(NAME, "Give the key a name, e.g. my-laptop");
        }
        Long limitMicros = null;
        String limit = limitUsd == null ? "" : limitUsd.strip();
        if (limit.startsWith("$")) {
            limit = limit.substring(1).strip();
        }
        if (!limit.isEmpty()) {
            try {
                limitMicros = Money.parseUsdMicros(limit);
            } catch (IllegalArgumentException e) {
                errors.put(LIMIT, "Enter an amount in USD such as 25 or 12.50 (at most 6 decimals), or leave it empty");
            }
            if (limitMicros != null && limitMicros < 0) {
                errors.put(LIMIT, "A limit cannot be negative");
            }
        }
        if (limitMicros == null && reset != null && reset != LimitReset.NONE && !errors.containsKey(LIMIT)) {
            errors.put(LIMIT, "Enter the limit that resets " + reset.name().toLowerCase());
        }
        if (expiresOn != null && expiresOn.isBefore(todayUtc)) {
            errors.put(EXPIRES, "Choose today or a later day");
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Result(new NewKey(name, limitMicros, limitMicros == null ? LimitReset.NONE : reset, expiresAt, null),
                Map.of());
    }

    /** Which form field a key rule's parameter name belongs to. */
    static String fieldOf(String param) {
        if (param == null) {
            return NAME;
        }
        return switch (param) {
            case "limit" -> LIMIT;
            case "expires_at" -> EXPIRES;
            default -> NAME;
        };
    }
}
