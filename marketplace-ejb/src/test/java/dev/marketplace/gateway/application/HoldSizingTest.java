package dev.marketplace.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.money.PriceSet;
import dev.marketplace.routing.domain.Route;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldSizingTest {
    static Route route(long inPrice, long outPrice) {
        return new Route(1, "a/b", "b", 1, "p", "P", false, 500,
                new Route.Endpoint(1, "openai", "http://x", null, 1000), inPrice, outPrice, 4096, 8192);
    }

    @ParameterizedTest
    @CsvSource({"0,16", "1,17", "4,21", "100,141", "1000,1266"})
    void promptHoldPadsTheEstimate(int estimate, long expected) {
        assertEquals(expected, HoldSizing.promptHoldTokens(estimate));
    }

    @ParameterizedTest
    @CsvSource({
            // in, out, prompt, completion, worst of (this route, a route at 2x) micro-USD
            "500000, 1500000, 20, 100, 320",
            "0, 0, 20, 100, 0",
            "1, 1, 1, 1, 1",
    })
    void worstCostIsTheMostExpensiveRoute(long in, long out, long prompt, long completion, long expected) {
        List<Route> routes = List.of(route(in, out), route(in * 2, out * 2));
        assertEquals(expected, HoldSizing.worstCostMicros(routes, prompt, completion));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | request | cache read | cache write | tier min (0: none) | tier in | tier out | prompt | completion | worst
            "tokens only                   | 0  | 0       | 0       | 0   | 0       | 0       | 20 | 100 | 160",
            "request price on top          | 40 | 0       | 0       | 0   | 0       | 0       | 20 | 100 | 200",
            "every prompt token written    | 0  | 0       | 2000000 | 0   | 0       | 0       | 20 | 100 | 190",
            "prompt cannot pass the tier   | 0  | 0       | 0       | 20  | 9000000 | 9000000 | 20 | 100 | 160",
            "prompt may pass the tier      | 0  | 0       | 0       | 19  | 9000000 | 9000000 | 20 | 100 | 1080",
            "all of it                     | 7  | 3000000 | 2000000 | 10  | 1000000 | 2000000 | 20 | 100 | 267",
    })
    void worstCostCoversRequestCacheAndTierPrices(String name, long request, long read, long write, long tierMin,
                                                  long tierIn, long tierOut, long prompt, long completion, long expected) {
        PriceSet prices = new PriceSet(500_000, 1_500_000, request, read, write,
                tierMin == 0 ? null : new PriceSet.Tier(tierMin, tierIn, tierOut));
        Route priced = new Route(1, "a/b", "b", 1, "p", "P", false, 500,
                new Route.Endpoint(1, "openai", "http://x", null, 1000), prices, 4096, 8192, null);
        assertEquals(expected, HoldSizing.worstCostMicros(List.of(priced, route(1, 1)), prompt, completion), name);
    }

    @org.junit.jupiter.api.Test
    void affordableCapCountsTheRequestPrice() {
        Route priced = new Route(1, "a/b", "b", 1, "p", "P", false, 500,
                new Route.Endpoint(1, "openai", "http://x", null, 1000),
                new PriceSet(0, 1_000_000, 50, 0, 0, null), 4096, 8192, null);
        assertEquals(0, HoldSizing.affordableOutputTokens(List.of(priced), 10, 4096, 50), "the request price alone");
        assertEquals(1, HoldSizing.affordableOutputTokens(List.of(priced), 10, 4096, 51));
        assertEquals(10, HoldSizing.affordableOutputTokens(List.of(priced), 10, 4096, 60));
    }

    @ParameterizedTest
    @CsvSource({
            // available micro-USD, expected cap (prompt 100 tokens at 0.5, output at 1.5 per M; model max 4096)
            "0, 0",
            "50, 0",
            "51, 0",
            "52, 1",
            "200, 100",
            "1000000, 4096",
    })
    void affordableCapIsTheLargestThatFits(long availableMicros, int expected) {
        List<Route> routes = List.of(route(500_000, 1_500_000));
        int cap = HoldSizing.affordableOutputTokens(routes, 100, 4096, availableMicros);
        assertEquals(expected, cap);
        if (cap > 0) {
            assertTrue(Money.costMicros(100, 500_000, cap, 1_500_000) <= availableMicros);
        }
        if (cap > 0 && cap < 4096) {
            assertTrue(Money.costMicros(100, 500_000, cap + 1L, 1_500_000) > availableMicros, "one more token must not fit");
        }
    }
}
