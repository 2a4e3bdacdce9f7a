package dev.marketplace.keys.domain;

import java.util.Locale;

/**
 * The kinds of marketplace key. Each kind has its own secret prefix, so a presented value says what it claims to be
 * before any lookup, and the {@code api_key.kind} column says what it is: an {@link #API} key calls models, a
 * {@link #MANAGEMENT} key only manages its developer's API keys (OpenRouter's provisioning keys).
 */
public enum KeyKind {
    API("api", "sk-mk-v1-"),
    MANAGEMENT("management", "sk-mk-mgmt-v1-");

    private final String dbValue;
    private final String prefix;

    KeyKind(String dbValue, String prefix) {
        this.dbValue = dbValue;
        this.prefix = prefix;
    }

    /** The value of the {@code api_key.kind} column. */
    public String dbValue() {
        return dbValue;
    }

    public String prefix() {
        return prefix;
    }

    public static KeyKind fromDb(String value) {
        for (KeyKind kind : values()) {
            if (kind.dbValue.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown key kind: " + value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
