package dev.marketplace.billing.leases;

/**
 * A charge whose lease was returned before it landed (its node lost the database for longer than the lease's
 * lifetime) and which the account's available balance cannot cover either: nothing is written, so the developer is
 * never overspent.
 */
public class UncoveredChargeException extends IllegalStateException {
    public UncoveredChargeException(String message) {
        super(message);
    }
}
