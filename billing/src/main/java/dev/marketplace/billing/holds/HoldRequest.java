package dev.marketplace.billing.holds;

/**
 * One hold to place with {@link BatchHoldStore#placeAll}: the same three arguments as {@link HoldStore#place}.
 * Validated (like {@code place}) when the batch is placed, not here.
 */
public record HoldRequest(String holdId, String accountCode, long amountMicros) {
}
