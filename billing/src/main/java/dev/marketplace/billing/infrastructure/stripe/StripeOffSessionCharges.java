package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import dev.marketplace.billing.topup.ChargeResult;
import dev.marketplace.billing.topup.OffSessionCharge;
import dev.marketplace.billing.topup.OffSessionCharges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Off-session charges as Stripe makes them: a PaymentIntent created and confirmed in one call with
 * {@code off_session=true} on the saved customer and payment method, under the charge's idempotency key, with
 * metadata naming the purpose, the developer and the crossing (the webhook credits it by that). A card error
 * is a decline, or {@code requires_action} when the bank wants the card holder; other errors are thrown so the
 * charge is retried with the same key.
 */
@ApplicationScoped
public class StripeOffSessionCharges implements OffSessionCharges {

    static final String AUTHENTICATION_REQUIRED = "authentication_required";

    @Inject
    StripeAccess stripe;

    public StripeOffSessionCharges() {
        // for CDI
    }

    StripeOffSessionCharges(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public ChargeResult charge(OffSessionCharge charge) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(charge.amountCents())
                .setCurrency("usd")
                .setCustomer(charge.customerId())
                .setPaymentMethod(charge.paymentMethodId())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription("Auto top-up")
                .putMetadata("purpose", OffSessionCharge.PURPOSE)
                .putMetadata("developer_id", Long.toString(charge.developerId()))
                .putMetadata("crossing", Long.toString(charge.crossing()))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(charge.idempotencyKey()).build();
        try {
            return result(stripe.client().v1().paymentIntents().create(params, options));
        } catch (CardException e) {
            return cardError(e);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused or failed off-session charge " + charge.idempotencyKey()
                    + ": " + e.getMessage(), e);
        }
    }

    static ChargeResult result(PaymentIntent intent) {
        String id = intent.getId();
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeResult(ChargeResult.Status.SUCCEEDED, id,
                    intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(), null);
            case "requires_action" -> new ChargeResult(ChargeResult.Status.REQUIRES_ACTION, id, 0,
                    ChargeResult.NEEDS_AUTHENTICATION);
            case "requires_payment_method", "canceled" -> new ChargeResult(ChargeResult.Status.DECLINED, id, 0,
                    intent.getLastPaymentError() == null ? "The card was declined."
                            : "The card was declined: " + intent.getLastPaymentError().getMessage());
            default -> new ChargeResult(ChargeResult.Status.PROCESSING, id, 0, null);
        };
    }

    private static ChargeResult cardError(CardException e) {
        String intent = e.getStripeError() == null || e.getStripeError().getPaymentIntent() == null ? null
                : e.getStripeError().getPaymentIntent().getId();
        if (AUTHENTICATION_REQUIRED.equals(e.getCode())) {
            return new ChargeResult(ChargeResult.Status.REQUIRES_ACTION, intent, 0,
                    ChargeResult.NEEDS_AUTHENTICATION);
        }
        String reason = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
        return new ChargeResult(ChargeResult.Status.DECLINED, intent, 0, "The card was declined"
                + (reason == null ? "." : ": " + reason)
                + (e.getDeclineCode() == null ? "" : " (" + e.getDeclineCode() + ")"));
    }
}
