package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.BalanceTransactionSource;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.TransferReversal;
import com.stripe.param.BalanceTransactionListParams;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.reconciliation.BalanceLine;
import dev.marketplace.billing.reconciliation.BalanceTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Stripe's balance transactions for reconciliation, page by page ({@value #PAGE_SIZE} a page, {@code starting_after}
 * the last id), with each source expanded so a charge names its payment intent, a refund its charge and a transfer
 * reversal its transfer. At most {@value #MAX_PAGES} pages per call: a bound, far above a month of this platform.
 */
@ApplicationScoped
public class StripeBalanceTransactions implements BalanceTransactions {

    static final long PAGE_SIZE = 100;
    static final int MAX_PAGES = 100_000;

    @Inject
    StripeAccess stripe;

    public StripeBalanceTransactions() {
        // for CDI
    }

    StripeBalanceTransactions(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public int forEach(Instant from, Instant to, Consumer<BalanceLine> sink) {
        String after = null;
        int pages = 0;
        while (true) {
            if (++pages > MAX_PAGES) {
                throw new PaymentProviderException("more than " + MAX_PAGES + " pages of balance transactions", null);
            }
            StripeCollection<BalanceTransaction> page = page(from, to, after);
            for (BalanceTransaction txn : page.getData()) {
                sink.accept(line(txn));
                after = txn.getId();
            }
            if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
                return pages;
            }
        }
    }

    private StripeCollection<BalanceTransaction> page(Instant from, Instant to, String after) {
        BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder()
                .setLimit(PAGE_SIZE)
                .setCreated(BalanceTransactionListParams.Created.builder()
                        .setGte(from.getEpochSecond()).setLt(to.getEpochSecond()).build())
                .addExpand("data.source");
        if (after != null) {
            params.setStartingAfter(after);
        }
        try {
            return stripe.client().v1().balanceTransactions().list(params.build());
        } catch (StripeException e) {
            throw new PaymentProviderException("listing Stripe balance transactions failed: " + e.getMessage(), e);
        }
    }

    static BalanceLine line(BalanceTransaction txn) {
        BalanceTransactionSource source = txn.getSourceObject();
        String parent = null;
        if (source instanceof Charge charge) {
            parent = charge.getPaymentIntent();
        } else if (source instanceof Refund refund) {
            parent = refund.getCharge();
        } else if (source instanceof TransferReversal reversal) {
            parent = reversal.getTransfer();
        }
        return new BalanceLine(txn.getId(), txn.getType(), txn.getSource(), parent, txn.getAmount(), txn.getFee(),
                Instant.ofEpochSecond(txn.getCreated()));
    }
}
