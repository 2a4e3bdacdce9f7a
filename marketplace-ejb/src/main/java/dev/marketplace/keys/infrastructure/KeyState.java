package dev.marketplace.keys.infrastructure;

/** What the hot path needs to know of a key: whose it is and whether it may call models. */
public record KeyState(long keyId, long developerId, boolean active) {
}
