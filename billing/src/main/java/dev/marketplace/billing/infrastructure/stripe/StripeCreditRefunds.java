package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import dev.marketplace.billing.approvals.CreditRefunds;
import dev.marketplace.billing.checkout.PaymentProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Refunds of unused credit through the Stripe SDK, on the developer's payment intent. */
@ApplicationScoped
public class StripeCreditRefunds implements CreditRefunds {

    @Inject
    StripeAccess stripe;

    @Override
    public String refund(String paymentIntentId, long amountCents, String idempotencyKey, String reason) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId)
                .setAmount(amountCents).putMetadata("purpose", "unused_credit")
                .putMetadata("finance_reason", reason.length() <= 400 ? reason : reason.substring(0, 400)).build();
        try {
            return stripe.client().v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()).getId();
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused the refund of " + paymentIntentId + ": "
                    + e.getMessage(), e);
        }
    }
}
