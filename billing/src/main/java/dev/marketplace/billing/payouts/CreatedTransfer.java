package dev.marketplace.billing.payouts;

/** A transfer as Stripe reports it. */
public record CreatedTransfer(String id, long amountCents, String destination, String transferGroup,
                              long amountReversedCents) {
}
