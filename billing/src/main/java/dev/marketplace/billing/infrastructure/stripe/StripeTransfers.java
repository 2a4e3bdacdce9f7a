package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Balance;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.payouts.CreatedTransfer;
import dev.marketplace.billing.payouts.TransferGateway;
import dev.marketplace.billing.payouts.TransferRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Payouts' transfers through the Stripe SDK: list by transfer_group, create with an idempotency key, the balance. */
@ApplicationScoped
public class StripeTransfers implements TransferGateway {

    static final String USD = "usd";
    /** A statement has one transfer; a few more per group would already be a fault worth seeing. */
    static final long GROUP_PAGE = 10;

    @Inject
    StripeAccess stripe;

    public StripeTransfers() {
        // for CDI
    }

    StripeTransfers(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public Optional<CreatedTransfer> findByGroup(String transferGroup) {
        try {
            StripeCollection<Transfer> page = stripe.client().v1().transfers().list(TransferListParams.builder()
                    .setTransferGroup(transferGroup).setLimit(GROUP_PAGE).build());
            List<Transfer> found = page.getData();
            if (found.size() > 1) {
                throw new IllegalStateException("Stripe holds " + found.size() + " transfers in group " + transferGroup
                        + ": " + found.stream().map(Transfer::getId).toList());
            }
            return found.stream().findFirst().map(StripeTransfers::created);
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused to list transfers of " + transferGroup + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public CreatedTransfer create(TransferRequest request) {
        TransferCreateParams.Builder params = TransferCreateParams.builder().setAmount(request.amountCents())
                .setCurrency(USD).setDestination(request.destination()).setTransferGroup(request.transferGroup())
                .putMetadata("statement_id", Long.toString(request.statementId()));
        if (request.sourceTransaction() != null) {
            params.setSourceTransaction(request.sourceTransaction());
        }
        try {
            return created(stripe.client().v1().transfers().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build()));
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused the transfer of " + request.transferGroup() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> pendingFundsSource(long amountCents, List<String> candidatePaymentIntents) {
        try {
            Balance balance = stripe.client().v1().balance().retrieve();
            long available = balance.getAvailable() == null ? 0 : balance.getAvailable().stream()
                    .filter(a -> USD.equals(a.getCurrency())).mapToLong(a -> a.getAmount() == null ? 0 : a.getAmount())
                    .sum();
            if (available >= amountCents) {
                return Optional.empty();
            }
            for (String intentId : candidatePaymentIntents) {
                PaymentIntent intent = stripe.client().v1().paymentIntents().retrieve(intentId);
                if (intent.getLatestCharge() != null && intent.getAmountReceived() != null
                        && intent.getAmountReceived() >= amountCents) {
                    return Optional.of(intent.getLatestCharge());
                }
            }
            return Optional.empty();
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused the balance or a payment intent: " + e.getMessage(), e);
        }
    }

    private static CreatedTransfer created(Transfer t) {
        return new CreatedTransfer(t.getId(), t.getAmount() == null ? 0 : t.getAmount(), t.getDestination(),
                t.getTransferGroup(), t.getAmountReversed() == null ? 0 : t.getAmountReversed());
    }
}
