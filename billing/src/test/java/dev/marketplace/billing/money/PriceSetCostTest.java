package dev.marketplace.billing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cost of a call under a whole price set: request, cache read and write, and a context tier. */
class PriceSetCostTest {
    private static final long MAX = Long.MAX_VALUE;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // case | in | out | request | cache read | cache write | tier min (0 none) | tier in | tier out | prompt | read | write | completion | expected
            "all free                       | 0       | 0       | 0   | 0      | 0       | 0   | 0       | 0       | 1000 | 500 | 100 | 1000 | 0",
            "request only, no tokens        | 0       | 0       | 200 | 0      | 0       | 0   | 0       | 0       | 0    | 0   | 0   | 0    | 200",
            "request added after rounding   | 1       | 0       | 200 | 0      | 0       | 0   | 0       | 0       | 1    | 0   | 0   | 0    | 201",
            "prompt and completion only     | 3000000 | 15000000| 0   | 0      | 0       | 0   | 0       | 0       | 1000 | 0   | 0   | 500  | 10500",
            "cache read replaces input      | 3000000 | 0       | 0   | 300000 | 0       | 0   | 0       | 0       | 1000 | 600 | 0   | 0    | 1380",
            "cache read free                | 3000000 | 0       | 0   | 0      | 0       | 0   | 0       | 0       | 1000 | 1000| 0   | 0    | 0",
            "cache write dearer than input  | 3000000 | 0       | 0   | 0      | 3750000 | 0   | 0       | 0       | 1000 | 0   |1000 | 0    | 3750",
            "read, write, uncached, output  | 3000000 | 15000000| 0   | 300000 | 3750000 | 0   | 0       | 0       | 1000 | 500 | 300 | 100  | 3375",
            "one rounding over the sum      | 500000  | 500000  | 0   | 500000 | 500000  | 0   | 0       | 0       | 3    | 1   | 1   | 1    | 2",
            "fractions add up before ceil   | 250000  | 250000  | 0   | 250000 | 250000  | 0   | 0       | 0       | 3    | 1   | 1   | 1    | 1",
            "smallest step rounds up        | 0       | 0       | 0   | 1      | 0       | 0   | 0       | 0       | 1    | 1   | 0   | 0    | 1",
            "everything at once             | 142857  | 1       | 10  | 1      | 1       | 0   | 0       | 0       | 7    | 3   | 2   | 5    | 11",
            "prompt below the tier          | 1000000 | 2000000 | 0   | 0      | 0       | 100 | 2000000 | 4000000 | 99   | 0   | 0   | 10   | 119",
            "prompt exactly at the tier     | 1000000 | 2000000 | 0   | 0      | 0       | 100 | 2000000 | 4000000 | 100  | 0   | 0   | 10   | 120",
            "prompt one above the tier      | 1000000 | 2000000 | 0   | 0      | 0       | 100 | 2000000 | 4000000 | 101  | 0   | 0   | 10   | 242",
            "cached tokens count for tier   | 1000000 | 2000000 | 0   | 100000 | 0       | 100 | 2000000 | 4000000 | 200  | 150 | 0   | 10   | 155",
            "tier keeps the request price   | 1000000 | 2000000 | 7   | 0      | 0       | 100 | 2000000 | 4000000 | 101  | 0   | 0   | 0    | 209",
            "tier may be cheaper            | 2000000 | 4000000 | 0   | 0      | 0       | 100 | 1000000 | 1000000 | 200  | 0   | 0   | 100  | 300",
            "free tier                      | 2000000 | 4000000 | 0   | 0      | 0       | 1   | 0       | 0       | 2    | 0   | 0   | 100  | 0",
    })
    void costOfOneCall(String name, long in, long out, long request, long cacheRead, long cacheWrite, long tierMin,
                       long tierIn, long tierOut, long prompt, long read, long write, long completion, long expected) {
        PriceSet prices = new PriceSet(in, out, request, cacheRead, cacheWrite,
                tierMin == 0 ? null : new PriceSet.Tier(tierMin, tierIn, tierOut));
        TokenUsage usage = new TokenUsage(prompt, read, write, completion);
        assertEquals(expected, Money.costMicros(prices, usage), name);
        assertEquals(expected, Money.costMicrosAtMost(prices, usage, MAX), name);
        assertEquals(Math.min(expected, 5), Money.costMicrosAtMost(prices, usage, 5), name + ": capped");
    }

    @Test
    void withoutExtrasItIsThePromptAndCompletionCost() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long prompt = random.nextLong(0, 3_000_000);
            long in = random.nextLong(0, 100_000_000);
            long completion = random.nextLong(0, 3_000_000);
            long out = random.nextLong(0, 100_000_000);
            assertEquals(Money.costMicros(prompt, in, completion, out),
                    Money.costMicros(PriceSet.tokens(in, out), TokenUsage.of(prompt, completion)));
        }
    }

    @Test
    void costIsTheCeilingOfTheExactAmountPlusTheRequestPrice() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            PriceSet prices = randomPrices(random);
            long prompt = random.nextLong(0, 2_000_000);
            long read = random.nextLong(0, prompt + 1);
            long write = random.nextLong(0, prompt - read + 1);
            TokenUsage usage = new TokenUsage(prompt, read, write, random.nextLong(0, 2_000_000));
            assertEquals(independent(prices, usage), BigInteger.valueOf(Money.costMicros(prices, usage)),
                    () -> prices + " " + usage);
        }
    }

    @Test
    void worstCaseCoversEveryUsageWithinTheBounds() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50_000; i++) {
            PriceSet prices = randomPrices(random);
            long maxPrompt = random.nextLong(0, 500_000);
            long maxCompletion = random.nextLong(0, 100_000);
            long worst = Money.worstCostMicros(prices, maxPrompt, maxCompletion);
            long prompt = random.nextLong(0, maxPrompt + 1);
            long read = random.nextLong(0, prompt + 1);
            long write = random.nextLong(0, prompt - read + 1);
            TokenUsage usage = new TokenUsage(prompt, read, write, random.nextLong(0, maxCompletion + 1));
            assertTrue(Money.costMicros(prices, usage) <= worst, () -> prices + " " + usage + " worst " + worst);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // case | in | out | request | read | write | tier min | tier in | tier out | prompt | completion | expected
            "plain                  | 500000  | 1500000 | 0  | 0       | 0       | 0   | 0       | 0       | 20  | 100 | 160",
            "request price added    | 500000  | 1500000 | 25 | 0       | 0       | 0   | 0       | 0       | 20  | 100 | 185",
            "cache write dearest    | 500000  | 1500000 | 0  | 100000  | 2000000 | 0   | 0       | 0       | 20  | 100 | 190",
            "cache read dearest     | 500000  | 1500000 | 0  | 1000000 | 0       | 0   | 0       | 0       | 20  | 100 | 170",
            "prompt cannot pass tier| 500000  | 1500000 | 0  | 0       | 0       | 20  | 5000000 | 5000000 | 20  | 100 | 160",
            "prompt may pass tier   | 500000  | 1500000 | 0  | 0       | 0       | 19  | 5000000 | 5000000 | 20  | 100 | 600",
            "cheaper tier, base wins| 500000  | 1500000 | 0  | 0       | 0       | 19  | 0       | 0       | 20  | 100 | 160",
    })
    void worstCase(String name, long in, long out, long request, long read, long write, long tierMin, long tierIn,
                   long tierOut, long prompt, long completion, long expected) {
        PriceSet prices = new PriceSet(in, out, request, read, write,
                tierMin == 0 ? null : new PriceSet.Tier(tierMin, tierIn, tierOut));
        assertEquals(expected, Money.worstCostMicros(prices, prompt, completion), name);
    }

    @Test
    void largeValuesAreExactNotWrapped() {
        // the exact products overflow a long, the cost in micro-USD does not
        assertEquals(9_223_372_036_855L, Money.costMicros(PriceSet.tokens(1, 0), TokenUsage.of(MAX, 0)));
        assertEquals(24_000_000_000_000L, Money.costMicros(PriceSet.tokens(3, 3),
                TokenUsage.of(4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L)));
        assertEquals(9_223_372_036_855L, Money.costMicros(new PriceSet(0, 0, 0, 1, 1, null),
                new TokenUsage(MAX, MAX / 2, MAX / 2 + 1, 0)));
    }

    @Test
    void aCostBeyondALongThrowsOrIsCappedNeverWraps() {
        PriceSet dear = new PriceSet(MAX, MAX, MAX, MAX, MAX, new PriceSet.Tier(1, MAX, MAX));
        TokenUsage huge = new TokenUsage(MAX, 1, 1, MAX);
        assertThrows(ArithmeticException.class, () -> Money.costMicros(dear, huge));
        assertEquals(1234, Money.costMicrosAtMost(dear, huge, 1234));
        assertEquals(MAX, Money.worstCostMicros(dear, MAX, MAX), "the worst case saturates");
        PriceSet requestOnly = new PriceSet(1, 0, MAX, 0, 0, null);
        assertThrows(ArithmeticException.class, () -> Money.costMicros(requestOnly, TokenUsage.of(1, 0)),
                "request price + one rounded-up micro does not fit");
        assertEquals(MAX - 1, Money.costMicros(new PriceSet(0, 0, MAX - 1, 0, 0, null), TokenUsage.of(5, 5)));
    }

    @Test
    void inconsistentOrNegativeInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenUsage(10, 8, 3, 0), "more cached than prompt");
        assertThrows(IllegalArgumentException.class, () -> new TokenUsage(10, 11, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenUsage(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PriceSet(0, 0, -1, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new PriceSet(0, 0, 0, -1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new PriceSet.Tier(0, 1, 1), "a tier needs a threshold");
        assertThrows(IllegalArgumentException.class, () -> new PriceSet.Tier(10, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Money.costMicrosAtMost(PriceSet.tokens(1, 1), TokenUsage.of(1, 1), -1));
    }

    @ParameterizedTest(name = "reported {0}/{1}/{2}/{3} -> {4}/{5}/{6}/{7}")
    @CsvSource({
            "100, 40, 30, 5,   100, 40, 30, 5",
            "100, 140, 30, 5,  100, 100, 0, 5",   // reads cut to the prompt, no room for writes
            "100, 60, 70, 5,   100, 60, 40, 5",   // writes cut to what reads left
            "-3, 2, 2, -1,     0, 0, 0, 0",
            "10, -5, -5, 1,    10, 0, 0, 1",
    })
    void reportedUsageIsMadeConsistent(long p, long r, long w, long c, long ep, long er, long ew, long ec) {
        assertEquals(new TokenUsage(ep, er, ew, ec), TokenUsage.reported(p, r, w, c));
    }

    private static PriceSet randomPrices(SplittableRandom random) {
        PriceSet.Tier tier = random.nextBoolean() ? null
                : new PriceSet.Tier(random.nextLong(1, 1_000_000), random.nextLong(0, 50_000_000), random.nextLong(0, 50_000_000));
        return new PriceSet(random.nextLong(0, 50_000_000), random.nextLong(0, 50_000_000), random.nextLong(0, 100_000),
                random.nextLong(0, 50_000_000), random.nextLong(0, 50_000_000), tier);
    }

    /** The same price written out in BigDecimal, from the definition, without Money's code. */
    private static BigInteger independent(PriceSet p, TokenUsage u) {
        boolean tier = p.tier() != null && u.promptTokens() > p.tier().minContext();
        long in = tier ? p.tier().inputMicrosPerMTok() : p.inputMicrosPerMTok();
        long out = tier ? p.tier().outputMicrosPerMTok() : p.outputMicrosPerMTok();
        BigDecimal usd = BigDecimal.valueOf(u.promptTokens() - u.cacheReadTokens() - u.cacheWriteTokens()).multiply(BigDecimal.valueOf(in))
                .add(BigDecimal.valueOf(u.cacheReadTokens()).multiply(BigDecimal.valueOf(p.cacheReadMicrosPerMTok())))
                .add(BigDecimal.valueOf(u.cacheWriteTokens()).multiply(BigDecimal.valueOf(p.cacheWriteMicrosPerMTok())))
                .add(BigDecimal.valueOf(u.completionTokens()).multiply(BigDecimal.valueOf(out)))
                .movePointLeft(6);
        return usd.setScale(0, RoundingMode.CEILING).toBigIntegerExact().add(BigInteger.valueOf(p.requestMicros()));
    }
}
