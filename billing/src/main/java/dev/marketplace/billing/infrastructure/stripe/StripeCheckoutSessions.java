package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import dev.marketplace.billing.checkout.CheckoutSessionState;
import dev.marketplace.billing.checkout.CheckoutSessions;
import dev.marketplace.billing.checkout.NewCheckoutSession;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.checkout.PurchaseQuote;
import dev.marketplace.billing.checkout.UnknownCheckoutException;
import dev.marketplace.billing.checkout.UnknownCustomerException;
import dev.marketplace.billing.purchases.CompletedCheckout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Stripe Checkout Sessions for credit purchases: mode payment, the developer as {@code client_reference_id}, the
 * developer's customer, the card kept for off-session use (auto top-up), a line for the credit and one for the
 * purchase fee if any, and the amounts in the metadata of the session and of its payment intent.
 */
@ApplicationScoped
public class StripeCheckoutSessions implements CheckoutSessions {

    static final String PURPOSE = "credit_purchase";

    @Inject
    StripeAccess stripe;

    public StripeCheckoutSessions() {
        // for CDI
    }

    StripeCheckoutSessions(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public CheckoutSessionState create(NewCheckoutSession request) {
        try {
            return state(stripe.client().v1().checkout().sessions().create(params(request)));
        } catch (InvalidRequestException e) {
            if ("customer".equals(e.getParam()) || "resource_missing".equals(e.getCode())) {
                throw new UnknownCustomerException(request.customerId(), e);
            }
            throw refused("create a Checkout Session", e);
        } catch (StripeException e) {
            throw refused("create a Checkout Session", e);
        }
    }

    @Override
    public CheckoutSessionState retrieve(String sessionId) {
        try {
            return state(stripe.client().v1().checkout().sessions().retrieve(sessionId));
        } catch (InvalidRequestException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                throw new UnknownCheckoutException(sessionId);
            }
            throw refused("retrieve Checkout Session " + sessionId, e);
        } catch (StripeException e) {
            throw refused("retrieve Checkout Session " + sessionId, e);
        }
    }

    static SessionCreateParams params(NewCheckoutSession request) {
        PurchaseQuote quote = request.quote();
        Map<String, String> metadata = Map.of("developer_id", Long.toString(request.developerId()),
                CompletedCheckout.CREDIT_CENTS, Long.toString(quote.creditCents()),
                CompletedCheckout.FEE_CENTS, Long.toString(quote.feeCents()),
                "purpose", PURPOSE);
        SessionCreateParams.Builder builder = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(Long.toString(request.developerId()))
                .setCustomer(request.customerId())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
                        .setDescription("Marketplace credit")
                        .putAllMetadata(metadata)
                        .build())
                .addLineItem(line("Marketplace credit", quote.creditCents()));
        if (quote.feeCents() > 0) {
            builder.addLineItem(line("Purchase fee", quote.feeCents()));
        }
        return builder.build();
    }

    private static SessionCreateParams.LineItem line(String name, long cents) {
        return SessionCreateParams.LineItem.builder()
                .setQuantity(1L)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                        .setCurrency("usd")
                        .setUnitAmount(cents)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(name).build())
                        .build())
                .build();
    }

    static CheckoutSessionState state(Session session) {
        Map<String, String> metadata = session.getMetadata() == null ? Map.of() : session.getMetadata();
        Long total = session.getAmountTotal();
        String json = session.getLastResponse() != null ? session.getLastResponse().body() : session.toJson();
        return new CheckoutSessionState(session.getId(), session.getUrl(), session.getStatus(),
                session.getPaymentStatus(), session.getClientReferenceId(), total == null ? 0 : total,
                session.getCurrency(), session.getPaymentIntent(), metadata.get(CompletedCheckout.CREDIT_CENTS),
                metadata.get(CompletedCheckout.FEE_CENTS), json);
    }

    private static PaymentProviderException refused(String what, StripeException e) {
        return new PaymentProviderException("Stripe could not " + what + ": " + e.getMessage(), e);
    }
}
