package dev.marketplace.billing.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseAmountsTest {

    @ParameterizedTest(name = "\"{0}\" → {1}¢")
    @CsvSource({
        "5, 500",
        "5.00, 500",
        "'  $10 ', 1000",
        "10.5, 1050",
        "25.55, 2555",
        "'1,000.00', 100000",
        "10000, 1000000",
        "10000.00, 1000000",
        "9999.99, 999999"
    })
    void parsesDollarsToCentsExactly(String text, long cents) {
        assertEquals(cents, PurchaseAmounts.parseUsd(text));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
        "4.99, The minimum purchase is $5.00.",
        "0, The minimum purchase is $5.00.",
        "10000.01, 'The maximum purchase is $10,000.00.'",
        "99999999999, 'The maximum purchase is $10,000.00.'",
        "'', 'Enter an amount in US dollars, e.g. 25 or 25.50.'",
        "10.001, Enter whole cents: at most two decimals.",
        "ten, '\"ten\" is not an amount in US dollars; enter e.g. 25 or 25.50.'",
        "-5, '\"-5\" is not an amount in US dollars; enter e.g. 25 or 25.50.'",
        "1e3, '\"1e3\" is not an amount in US dollars; enter e.g. 25 or 25.50.'"
    })
    void refusesWithAClearMessage(String text, String message) {
        assertEquals(message, assertThrows(InvalidPurchaseException.class, () -> PurchaseAmounts.parseUsd(text))
                .getMessage());
    }

    @ParameterizedTest
    @CsvSource({"500, '$5.00'", "1000000, '$10,000.00'", "1062, '$10.62'", "7, '$0.07'"})
    void formatsCents(long cents, String text) {
        assertEquals(text, PurchaseAmounts.usd(cents));
    }
}
