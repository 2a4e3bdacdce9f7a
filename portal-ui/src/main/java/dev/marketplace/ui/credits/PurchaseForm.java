package dev.marketplace.ui.credits;

import dev.marketplace.billing.checkout.InvalidPurchaseException;
import dev.marketplace.billing.checkout.PurchaseAmounts;
import dev.marketplace.billing.checkout.PurchaseFee;
import dev.marketplace.billing.checkout.PurchaseQuote;

/**
 * What the Credits form says about what has been typed, without Vaadin: the quote with the fee before paying, or
 * the error to show inline.
 */
final class PurchaseForm {

    /** Either a quote or an error message. */
    record Reading(PurchaseQuote quote, String error) {
        boolean valid() {
            return quote != null;
        }
    }

    private PurchaseForm() {
    }

    static Reading read(String typed, PurchaseFee fee) {
        try {
            return new Reading(PurchaseQuote.of(PurchaseAmounts.parseUsd(typed), fee), null);
        } catch (InvalidPurchaseException e) {
            return new Reading(null, e.getMessage());
        }
    }

    /** E.g. "You pay $10.59: $10.00 of credit + $0.59 purchase fee." or "You pay $10.00 for $10.00 of credit." */
    static String describe(PurchaseQuote quote) {
        String total = PurchaseAmounts.usd(quote.totalCents());
        String credit = PurchaseAmounts.usd(quote.creditCents());
        return quote.feeCents() == 0 ? "You pay " + total + " for " + credit + " of credit."
                : "You pay " + total + ": " + credit + " of credit + " + PurchaseAmounts.usd(quote.feeCents())
                        + " purchase fee.";
    }

    static String limits(PurchaseFee fee) {
        String limits = "From " + PurchaseAmounts.usd(PurchaseAmounts.MIN_CENTS) + " to "
                + PurchaseAmounts.usd(PurchaseAmounts.MAX_CENTS) + ".";
        if (fee.isNone()) {
            return limits + " No purchase fee.";
        }
        String percent = java.math.BigDecimal.valueOf(fee.bps(), 2).stripTrailingZeros().toPlainString() + "%";
        return limits + " Purchase fee: " + percent
                + (fee.fixedCents() == 0 ? "" : " + " + PurchaseAmounts.usd(fee.fixedCents())) + ".";
    }
}
