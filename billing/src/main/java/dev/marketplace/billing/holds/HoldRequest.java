package dev.marketplace.billing.holds;

/**
 * One hold to place with {@link BatchHoldStore#placeAll}: the same three arguments as {@link HoldStore#place}, and
 * optionally who placed it ({@code owner}: a process that keeps a heartbeat, so that the holds of an owner that died
 * can be released as soon as it is known dead instead of after the hours-long stale-hold age). Validated (like
 * {@code place}) when the batch is placed, not here.
 */
public record HoldRequest(String holdId, String accountCode, long amountMicros, String owner) {

    public HoldRequest(String holdId, String accountCode, long amountMicros) {
        this(holdId, accountCode, amountMicros, null);
    }
}
