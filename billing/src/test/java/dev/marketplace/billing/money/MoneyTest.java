package dev.marketplace.billing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} in @ {1} + {2} out @ {3} = {4}")
    @CsvSource({
            // promptTokens, inPrice, completionTokens, outPrice, expected
            "0,       0,          0,       0,          0",
            "0,       3000000,    0,       15000000,   0",
            "1,       1,          0,       0,          1",         // 1e-6 micros rounds up to 1
            "1,       999999,     0,       0,          1",
            "1,       1000000,    0,       0,          1",         // exactly 1 micro
            "1,       1000001,    0,       0,          2",
            "1000,    3000000,    0,       0,          3000",      // 1k tokens at $3/MTok = $0.003
            "1000,    3000000,    500,     15000000,   10500",
            "1,       500000,     1,       500000,     1",         // halves sum exactly before rounding
            "1,       500001,     1,       500000,     2",
            "1,       400000,     1,       400000,     1",         // 0.8 -> 1 once, not 1 + 1
            "333,     3,          0,       0,          1",         // 999 / 1e6 -> 1
            "1000000, 2500000,    1000000, 10000000,   12500000",
            "7,       142857,     0,       0,          1",         // 999999 -> 1
            "7,       142858,     0,       0,          2",         // 1000006 -> 2
    })
    void costIsCeilingOfTheExactSum(long prompt, long in, long completion, long out, long expectedMicros) {
        assertEquals(expectedMicros, Money.costMicros(prompt, in, completion, out));
    }

    @Test
    void costNeverUnderchargesAndOverchargesByLessThanOneMicro() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long prompt = random.nextLong(0, 2_000_000);
            long in = random.nextLong(0, 100_000_000);
            long completion = random.nextLong(0, 2_000_000);
            long out = random.nextLong(0, 100_000_000);
            BigDecimal exact = BigDecimal.valueOf(prompt).multiply(BigDecimal.valueOf(in))
                    .add(BigDecimal.valueOf(completion).multiply(BigDecimal.valueOf(out)))
                    .movePointLeft(6);
            BigDecimal charged = BigDecimal.valueOf(Money.costMicros(prompt, in, completion, out));
            BigDecimal excess = charged.subtract(exact);
            assertEquals(true, excess.signum() >= 0 && excess.compareTo(BigDecimal.ONE) < 0,
                    () -> "excess " + excess + " for " + prompt + "," + in + "," + completion + "," + out);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "-1, 1, 0, 0",
            "1, -1, 0, 0",
            "0, 0, -1, 1",
            "0, 0, 1, -1",
    })
    void costRejectsNegatives(long prompt, long in, long completion, long out) {
        assertThrows(IllegalArgumentException.class, () -> Money.costMicros(prompt, in, completion, out));
    }

    @ParameterizedTest
    @CsvSource({
            // the exact products do not fit in a long, the cost does: exact, never wrapped
            "9223372036854775807, 2, 0, 0, 18446744073710",
            "4611686018427387904, 1, 4611686018427387904, 1, 9223372036855",
    })
    void costIsExactWhereTheProductsOverflow(long prompt, long in, long completion, long out, long expected) {
        assertEquals(expected, Money.costMicros(prompt, in, completion, out));
    }

    @ParameterizedTest
    @CsvSource({
            "9223372036854775807, 9223372036854775807, 0, 0",
            "9223372036854775807, 9223372036854775807, 9223372036854775807, 9223372036854775807",
    })
    void costThrowsWhenItDoesNotFitInALong(long prompt, long in, long completion, long out) {
        assertThrows(ArithmeticException.class, () -> Money.costMicros(prompt, in, completion, out));
    }

    @ParameterizedTest(name = "{0} at {1} bps -> fee {2}, share {3}")
    @CsvSource({
            // gross, bps, fee, share
            "0,       500,   0,      0",
            "1,       500,   0,      1",       // 0.05 -> 0
            "10,      500,   1,      9",       // 0.5 -> 1 (half up)
            "9,       500,   0,      9",       // 0.45 -> 0
            "11,      500,   1,      10",      // 0.55 -> 1
            "29,      500,   1,      28",      // 1.45 -> 1
            "30,      500,   2,      28",      // 1.5 -> 2
            "1000000, 500,   50000,  950000",
            "1000001, 500,   50000,  950001",  // 50000.05 -> 50000
            "1000010, 500,   50001,  950009",  // 50000.5 -> 50001
            "12345,   0,     0,      12345",
            "12345,   10000, 12345,  0",
            "1,       5000,  1,      0",       // 0.5 -> 1
            "3,       5000,  2,      1",       // 1.5 -> 2
            "1,       4999,  0,      1",
            "10500,   1234,  1296,   9204",    // 1295.7 -> 1296
            "9223372036854775807, 0, 0, 9223372036854775807",
    })
    void splitRoundsHalfUp(long gross, int bps, long fee, long share) {
        assertEquals(new FeeSplit(gross, fee, share), Money.split(gross, bps));
    }

    @Test
    void feeAndShareAlwaysAddBackToGross() {
        for (int bps = 0; bps <= 10_000; bps += 7) {
            for (long gross = 0; gross <= 2_000; gross++) {
                assertSplitAddsUp(gross, bps);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            assertSplitAddsUp(random.nextLong(0, 922_337_203_685_477L), random.nextInt(0, 10_001));
        }
    }

    private static void assertSplitAddsUp(long gross, int bps) {
        FeeSplit split = Money.split(gross, bps);
        assertEquals(gross, split.feeMicros() + split.shareMicros(), () -> gross + " at " + bps);
        // and the fee is the exactly rounded one: |fee - gross*bps/10000| <= 1/2, ties up
        BigDecimal exactFee = BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(bps)).movePointLeft(4);
        BigDecimal expected = exactFee.setScale(0, java.math.RoundingMode.HALF_UP);
        assertEquals(expected.longValueExact(), split.feeMicros(), () -> gross + " at " + bps);
    }

    @ParameterizedTest
    @CsvSource({"-1, 500", "1, -1", "1, 10001"})
    void splitRejectsOutOfRange(long gross, int bps) {
        assertThrows(IllegalArgumentException.class, () -> Money.split(gross, bps));
    }

    @Test
    void splitThrowsOnOverflow() {
        assertThrows(ArithmeticException.class, () -> Money.split(Long.MAX_VALUE, 500));
    }

    @ParameterizedTest
    @CsvSource({
            "0,        0.000000",
            "1,        0.000001",
            "500000,   0.500000",
            "-1500001, -1.500001",
            "9223372036854775807, 9223372036854.775807",
    })
    void toUsdIsExact(long micros, String usd) {
        assertEquals(new BigDecimal(usd), Money.toUsd(micros));
        assertEquals(6, Money.toUsd(micros).scale());
    }

    @ParameterizedTest
    @CsvSource({
            "0.50,      500000",
            "0,         0",
            "12,        12000000",
            "0.000001,  1",
            "1.5,       1500000",
            "-3.000001, -3000001",
            "9223372036854.775807, 9223372036854775807",
            "-9223372036854.775808, -9223372036854775808",
    })
    void parsesExactUsd(String usd, long micros) {
        assertEquals(micros, Money.parseUsdMicros(usd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1e-7", "1E2", "0.0000001", "0.5000000", "abc", "1,5", " 1.5", "1.5 ",
            "+1", ".5", "1.", "--1", "9223372036854.775808", "NaN", "Infinity", "1_000"})
    void rejectsInexactOrMalformedUsd(String usd) {
        assertThrows(IllegalArgumentException.class, () -> Money.parseUsdMicros(usd));
    }

    @Test
    void rejectsNullUsd() {
        assertThrows(IllegalArgumentException.class, () -> Money.parseUsdMicros(null));
    }

    @Test
    void feeSplitRejectsPartsThatDoNotAddUp() {
        assertThrows(IllegalArgumentException.class, () -> new FeeSplit(10, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> new FeeSplit(10, -1, 11));
    }
}
