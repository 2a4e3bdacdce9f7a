package dev.marketplace.keys.domain;

import java.time.Duration;
import java.time.Instant;

/** What a key's owner may set: a name of 1 to 100 characters, a credit limit within bounds, an expiry ahead. */
public final class KeyRules {
    public static final int MAX_NAME_LENGTH = 100;
    /** $1,000,000: a limit above any sane prepaid balance is a typo. */
    public static final long MAX_LIMIT_MICROS = 1_000_000_000_000L;
    public static final Duration MAX_LIFETIME = Duration.ofDays(10 * 366);

    private KeyRules() {
    }

    public static String name(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidKeySettingException("name", "A key name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** A credit limit in micro-USD, or null for none. */
    public static Long limitMicros(Long limitMicros) {
        if (limitMicros != null && (limitMicros < 0 || limitMicros > MAX_LIMIT_MICROS)) {
            throw new InvalidKeySettingException("limit", "A key's limit is between 0 and 1000000 USD");
        }
        return limitMicros;
    }

    public static final int MAX_RATE_LIMIT_RPM = 100_000;

    /** A requests-per-minute limit, or null for none. */
    public static Integer rateLimitRpm(Integer requestsPerMinute) {
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > MAX_RATE_LIMIT_RPM)) {
            throw new InvalidKeySettingException("rate_limit_rpm",
                    "A key's rate limit is between 1 and " + MAX_RATE_LIMIT_RPM + " requests per minute");
        }
        return requestsPerMinute;
    }

    /** An expiry, or null for none: it must lie ahead of {@code now}, and not absurdly far. */
    public static Instant expiresAt(Instant expiresAt, Instant now) {
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME)))) {
            throw new InvalidKeySettingException("expires_at", "expires_at must be in the future (within 10 years)");
        }
        return expiresAt;
    }
}
