package dev.marketplace.billing.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CheckoutCreditsTest {

    @ParameterizedTest
    @CsvSource({
        "1, 10000",
        "500, 5000000",
        "1000000, 10000000000",
        "922337203685477, 9223372036854770000"
    })
    void convertsUsdCentsToMicrosExactly(long cents, long micros) {
        assertEquals(micros, CheckoutCredits.usdCentsToMicros(cents));
    }

    @Test
    void conversionOverflowThrows() {
        assertThrows(ArithmeticException.class, () -> CheckoutCredits.usdCentsToMicros(922_337_203_685_478L));
    }

    @Test
    void aPaidUsdSessionBecomesOnePurchaseJournalKeyedBySession() {
        CheckoutCredits.Credit credit = assertInstanceOf(CheckoutCredits.Credit.class,
                CheckoutCredits.decide(checkout(CompletedCheckout.COMPLETED, "12", 1050, "USD", "paid", "pi_9")));

        assertEquals(new JournalEntry("stripe:checkout:cs_9", "purchase",
                "Stripe Checkout cs_9, payment intent pi_9, event evt_9", "cs_9", List.of(
                        new Posting(AccountCodes.developerCredit(12), 10_500_000),
                        new Posting(AccountCodes.STRIPE_CLEARING, -10_500_000))), credit.journal());
    }

    @Test
    void withAPurchaseFeeTheDeveloperGetsTheCreditBoughtAndTheFeeIsRevenue() {
        CheckoutCredits.Credit credit = assertInstanceOf(CheckoutCredits.Credit.class, CheckoutCredits.decide(
                withMetadata(1_062, "1000", "62")));

        assertEquals(10_000_000, credit.amountMicros());
        assertEquals(List.of(new Posting(AccountCodes.developerCredit(12), 10_000_000),
                new Posting(AccountCodes.REVENUE_PURCHASE_FEE, 620_000),
                new Posting(AccountCodes.STRIPE_CLEARING, -10_620_000)), credit.journal().postings());
        assertEquals(new PaidPurchase("cs_9", 12, 1000, 62, "pi_9"), credit.purchase());
        assertEquals("stripe:checkout:cs_9", credit.journal().idempotencyKey());
    }

    @Test
    void withoutAFeeTheMetadataCreditIsTheTotal() {
        CheckoutCredits.Credit credit = assertInstanceOf(CheckoutCredits.Credit.class, CheckoutCredits.decide(
                withMetadata(1_000, "1000", "0")));

        assertEquals(List.of(new Posting(AccountCodes.developerCredit(12), 10_000_000),
                new Posting(AccountCodes.STRIPE_CLEARING, -10_000_000)), credit.journal().postings());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "1062, 1062, 62",    // credit + fee above what was collected
        "1062, 1000, 0",     // less than what was collected: the fee is not accounted for
        "1062, 1000, NULL",
        "1062, NULL, 62",
        "1062, 0, 1062",     // nothing bought
        "1062, 10.00, 62",
        "1062, -1000, 2062",
        "1062, 1000, 0062"
    })
    void metadataThatDoesNotAddUpToTheTotalIsIgnored(long total, String credit, String fee) {
        CheckoutCredits.Skip skip = assertInstanceOf(CheckoutCredits.Skip.class,
                CheckoutCredits.decide(withMetadata(total, credit, fee)));

        assertEquals(WebhookOutcome.IGNORED, skip.outcome());
    }

    @Test
    void theSuccessRedirectCreditsUnderTheSameKeyAsTheWebhook() {
        CompletedCheckout redirect = CompletedCheckout.fromRedirect("{}", "cs_9", "12", 1_000, "usd", "paid", "pi_9",
                "1000", "0");
        CheckoutCredits.Credit credit = assertInstanceOf(CheckoutCredits.Credit.class, CheckoutCredits.decide(redirect));

        assertEquals("stripe:checkout:cs_9", credit.journal().idempotencyKey());
        assertEquals("Stripe Checkout cs_9, payment intent pi_9, success redirect", credit.journal().memo());
    }

    private static CompletedCheckout withMetadata(long total, String credit, String fee) {
        return new CompletedCheckout("evt_9", CompletedCheckout.COMPLETED, "{}", "cs_9", "12", total, "usd", "paid",
                "pi_9", credit, fee);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "checkout.session.completed, 12, 1050, usd, unpaid, AWAITING_PAYMENT",
        "checkout.session.completed, 12, 0, usd, no_payment_required, IGNORED",
        "checkout.session.completed, 12, 1050, eur, paid, IGNORED",
        "checkout.session.completed, 12, 1050, NULL, paid, IGNORED",
        "checkout.session.completed, NULL, 1050, usd, paid, IGNORED",
        "checkout.session.completed, 0, 1050, usd, paid, IGNORED",
        "checkout.session.completed, -3, 1050, usd, paid, IGNORED",
        "checkout.session.completed, 012, 1050, usd, paid, IGNORED",
        "checkout.session.completed, 1234567890123456789, 1050, usd, paid, IGNORED",
        "checkout.session.completed, dev-12, 1050, usd, paid, IGNORED",
        "checkout.session.completed, 12, 0, usd, paid, IGNORED",
        "checkout.session.async_payment_succeeded, 12, 1050, gbp, paid, IGNORED"
    })
    void skipsWhatCannotBeCredited(String type, String reference, long cents, String currency, String status,
                                   WebhookOutcome expected) {
        CheckoutCredits.Skip skip = assertInstanceOf(CheckoutCredits.Skip.class,
                CheckoutCredits.decide(checkout(type, reference, cents, currency, status, null)));

        assertEquals(expected, skip.outcome());
    }

    private static CompletedCheckout checkout(String type, String reference, long cents, String currency,
                                              String status, String paymentIntent) {
        return new CompletedCheckout("evt_9", type, "{}", "cs_9", reference, cents, currency, status, paymentIntent);
    }
}
