package dev.marketplace.billing.reconciliation;

import java.time.Instant;
import java.util.function.Consumer;

/** Port to the payment provider's balance history (Stripe's balance transactions), read page by page. */
public interface BalanceTransactions {

    /**
     * Hands every balance transaction created in {@code [from, to)} to {@code sink}, fetching page by page.
     *
     * @return the number of pages fetched
     */
    int forEach(Instant from, Instant to, Consumer<BalanceLine> sink);
}
