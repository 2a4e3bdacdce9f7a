package dev.marketplace.keys.application;

/** A key just created through the management API: the only moment its secret is shown. */
public record CreatedKey(ManagedKey key, String secret) {
}
