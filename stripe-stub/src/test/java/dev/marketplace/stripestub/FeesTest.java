package dev.marketplace.stripestub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeesTest {

    @ParameterizedTest(name = "{0}¢ → fee {1}¢")
    @CsvSource({
        "0, 30",
        "500, 45",          // 14.5 → 15 (half up) + 30
        "1000, 59",         // 29 + 30
        "1017, 59",         // 29.493 → 29
        "1018, 60",         // 29.522 → 30
        "1050, 60",         // 30.45 → 30
        "1000000, 29030",   // $10,000: 29,000 + 30
        "1, 30",            // 0.029 → 0
        "18, 31",           // 0.522 → 1
        "17, 30"            // 0.493 → 0
    })
    void twoPointNinePercentPlusThirtyCentsRoundedHalfUp(long amountCents, long feeCents) {
        assertEquals(feeCents, Fees.cardFeeCents(amountCents));
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void negativeAmountsAreRefused(long amountCents) {
        assertThrows(IllegalArgumentException.class, () -> Fees.cardFeeCents(amountCents));
    }
}
