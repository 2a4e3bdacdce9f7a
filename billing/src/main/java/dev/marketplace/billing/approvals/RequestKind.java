package dev.marketplace.billing.approvals;

import java.util.Locale;

/** What a finance request does to a developer's credit once approved. */
public enum RequestKind {
    /** promotions → developer credit (goodwill, promotion). */
    CREDIT_GRANT,
    /** a Stripe refund of unused credit; the charge.refunded webhook takes the credit back. */
    CREDIT_REFUND,
    /** bad debt → developer credit: writes off (part of) a negative balance. */
    BAD_DEBT;

    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestKind fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
