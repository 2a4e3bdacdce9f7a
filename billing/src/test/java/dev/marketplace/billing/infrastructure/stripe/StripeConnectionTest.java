package dev.marketplace.billing.infrastructure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.param.checkout.SessionCreateParams;
import dev.marketplace.billing.checkout.NewCheckoutSession;
import dev.marketplace.billing.checkout.PurchaseFee;
import dev.marketplace.billing.checkout.PurchaseQuote;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StripeConnectionTest {

    @Test
    void aSecretKeyMeansRealStripeUnchanged() {
        StripeConnection c = StripeConnection.resolve(Map.of("STRIPE_SECRET_KEY", " sk_live_abc ",
                "MARKET_STRIPE_STUB_PORT", "12211"), new Properties());
        assertEquals(new StripeConnection("sk_live_abc", null), c);
        assertFalse(c.local());
    }

    @Test
    void withoutOneTheLocalStubOnItsConfiguredPort() {
        assertEquals(new StripeConnection("sk_test_local", "http://127.0.0.1:12111"),
                StripeConnection.resolve(Map.of(), new Properties()));
        assertEquals(new StripeConnection("sk_test_local", "http://127.0.0.1:12211"),
                StripeConnection.resolve(Map.of("MARKET_STRIPE_STUB_PORT", "12211"), new Properties()));
        Properties system = new Properties();
        system.setProperty("market.stripe.stub-port", "12311");
        StripeConnection c = StripeConnection.resolve(Map.of("MARKET_STRIPE_STUB_PORT", "12211"), system);
        assertEquals("http://127.0.0.1:12311", c.apiBase());
        assertTrue(c.local());
        assertThrows(IllegalArgumentException.class,
                () -> StripeConnection.resolve(Map.of("MARKET_STRIPE_STUB_PORT", "0"), new Properties()));
    }

    @Test
    void aCheckoutSessionCarriesTheDeveloperTheSavedCardAndTheAmounts() {
        SessionCreateParams params = StripeCheckoutSessions.params(new NewCheckoutSession(42, "cus_1",
                PurchaseQuote.of(1_000, new PurchaseFee(290, 30)), "https://p/s?id={CHECKOUT_SESSION_ID}",
                "https://p/c"));
        assertEquals(SessionCreateParams.Mode.PAYMENT, params.getMode());
        assertEquals("42", params.getClientReferenceId());
        assertEquals("cus_1", params.getCustomer());
        assertEquals(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION,
                params.getPaymentIntentData().getSetupFutureUsage());
        assertEquals(Map.of("developer_id", "42", "credit_cents", "1000", "fee_cents", "59",
                "purpose", "credit_purchase"), params.getMetadata());
        assertEquals(params.getMetadata(), params.getPaymentIntentData().getMetadata());
        assertEquals(2, params.getLineItems().size());
        assertEquals(1_000L, params.getLineItems().get(0).getPriceData().getUnitAmount());
        assertEquals(59L, params.getLineItems().get(1).getPriceData().getUnitAmount());
    }
}
