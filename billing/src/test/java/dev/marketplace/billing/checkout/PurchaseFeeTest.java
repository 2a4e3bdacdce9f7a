package dev.marketplace.billing.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseFeeTest {

    @ParameterizedTest(name = "{0}¢ at {1} bps + {2}¢ → {3}¢")
    @CsvSource({
        "1000, 0, 0, 0",
        "1000, 290, 30, 59",        // Stripe-like 2.9% + 30¢
        "500, 290, 30, 45",         // 14.5 → 15, half up
        "517, 290, 0, 15",          // 14.993 → 15
        "1017, 290, 0, 29",         // 29.493 → 29
        "1000000, 290, 30, 29030",
        "1000, 0, 50, 50",
        "999999, 2000, 1000, 201000" // 199999.8 → 200000 + 1000
    })
    void basisPointsRoundedHalfUpPlusFixedCents(long amount, long bps, long fixed, long fee) {
        assertEquals(fee, new PurchaseFee(bps, fixed).feeCents(amount));
    }

    @Test
    void aQuoteAddsUpAndChecksTheLimits() {
        PurchaseQuote quote = PurchaseQuote.of(1_000, new PurchaseFee(290, 30));
        assertEquals(new PurchaseQuote(1_000, 59, 1_059), quote);
        assertEquals(10_000_000, quote.creditMicros());
        assertThrows(InvalidPurchaseException.class, () -> PurchaseQuote.of(499, PurchaseFee.NONE));
        assertThrows(InvalidPurchaseException.class, () -> PurchaseQuote.of(1_000_001, PurchaseFee.NONE));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseQuote(1_000, 59, 1_058));
    }

    @Test
    void readFromSystemPropertiesBeforeTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("market.purchase.fee-bps", "150");
        PurchaseFee fee = PurchaseFee.fromSettings(system, Map.of("MARKET_PURCHASE_FEE_BPS", "999",
                "MARKET_PURCHASE_FEE_CENTS", "25"));
        assertEquals(new PurchaseFee(150, 25), fee);
        assertEquals(PurchaseFee.NONE, PurchaseFee.fromSettings(new Properties(), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> PurchaseFee.fromSettings(new Properties(), Map.of("MARKET_PURCHASE_FEE_BPS", "2001")));
        assertThrows(IllegalArgumentException.class,
                () -> PurchaseFee.fromSettings(new Properties(), Map.of("MARKET_PURCHASE_FEE_CENTS", "2.5")));
    }
}
