package dev.marketplace.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.money.PriceSet;
import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Route;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What settlement bills from an upstream's usage object: cached prompt tokens read and written, and their cost. */
class SettlementMeterTest {
    /** $1 per M uncached input, $2 per M output, 100 µ$ per request, $0.10 per M read, $1.25 per M written, tier > 1000. */
    static final PriceSet PRICES = new PriceSet(1_000_000, 2_000_000, 100, 100_000, 1_250_000,
            new PriceSet.Tier(1_000, 3_000_000, 6_000_000));

    private final Settlement settlement = new Settlement();

    SettlementMeterTest() {
        settlement.tokens = new TokenCounter();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | usage JSON | prompt | read | write | completion | cost µ$
            "OpenAI cached_tokens                 | {\"prompt_tokens\":800,\"completion_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":600,\"audio_tokens\":0}} | 800 | 600 | 0 | 50 | 460",
            "OpenRouter cache_write_tokens        | {\"prompt_tokens\":800,\"completion_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":800}} | 800 | 0 | 800 | 50 | 1200",
            "read and write                       | {\"prompt_tokens\":800,\"completion_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":500,\"cache_write_tokens\":200}} | 800 | 500 | 200 | 50 | 600",
            "DeepSeek prompt_cache_hit_tokens     | {\"prompt_tokens\":800,\"completion_tokens\":50,\"prompt_cache_hit_tokens\":600,\"prompt_cache_miss_tokens\":200} | 800 | 600 | 0 | 50 | 460",
            "no details: nothing cached           | {\"prompt_tokens\":800,\"completion_tokens\":50} | 800 | 0 | 0 | 50 | 1000",
            "more cached than prompt is cut       | {\"prompt_tokens\":100,\"completion_tokens\":0,\"prompt_tokens_details\":{\"cached_tokens\":150,\"cache_write_tokens\":20}} | 100 | 100 | 0 | 0 | 110",
            "negative or fractional are ignored   | {\"prompt_tokens\":100,\"completion_tokens\":0,\"prompt_tokens_details\":{\"cached_tokens\":-5,\"cache_write_tokens\":2.5}} | 100 | 0 | 0 | 0 | 200",
            "prompt at the tier threshold         | {\"prompt_tokens\":1000,\"completion_tokens\":10} | 1000 | 0 | 0 | 10 | 1120",
            "prompt above the threshold: tier     | {\"prompt_tokens\":1001,\"completion_tokens\":10} | 1001 | 0 | 0 | 10 | 3163",
            "tier with cache reads                | {\"prompt_tokens\":1001,\"completion_tokens\":10,\"prompt_tokens_details\":{\"cached_tokens\":1000}} | 1001 | 1000 | 0 | 10 | 263",
    })
    void billsCachedTokensAtTheirPrices(String name, String usage, long prompt, long read, long write, long completion,
                                        long cost) {
        Metered m = settlement.meter(call(1_000_000), route(), json(usage), "ignored");
        assertEquals(new Metered(prompt, read, write, completion, cost, false), m, name);
    }

    @Test
    void neverAboveTheHold() {
        Metered m = settlement.meter(call(500), route(), json("""
                {"prompt_tokens":800,"completion_tokens":50,"prompt_tokens_details":{"cache_write_tokens":800}}"""), "");
        assertEquals(500, m.costMicros());
        assertTrue(m.capped(), "capped to the hold and flagged");
    }

    @Test
    void absurdUsageIsCappedNotOverflowed() {
        Metered m = settlement.meter(call(12_345), route(), json("""
                {"prompt_tokens":9223372036854775807,"completion_tokens":100,
                 "prompt_tokens_details":{"cache_write_tokens":9223372036854775807}}"""), "");
        assertEquals(12_345, m.costMicros());
        assertTrue(m.capped());
    }

    @Test
    void withoutUsageTheEstimateIsBilledUncached() {
        Metered m = settlement.meter(call(1_000_000), route(), null, "Hello there");
        assertEquals(3, m.promptTokens(), "the call's prompt estimate");
        assertEquals(0, m.cacheReadTokens());
        assertEquals(0, m.cacheWriteTokens());
        assertEquals(2, m.completionTokens(), "counted from the delivered text");
        assertEquals(107, m.costMicros(), "3 × 1 + 2 × 2 + 100 per request");
        assertFalse(m.capped());
    }

    @Test
    void anthropicUsageTranslatedByTheAdapterIsBilledTheSame() {
        JsonObject translated = json("""
                {"prompt_tokens":2081,"completion_tokens":12,"total_tokens":2093,
                 "prompt_tokens_details":{"cached_tokens":2048,"cache_write_tokens":30}}""");
        Metered m = settlement.meter(call(1_000_000), route(), translated, "");
        // tier applies (2081 > 1000): 3 × 3 + 2048 × 0.1 + 30 × 1.25 + 12 × 6 = 323.3 → 324, + 100
        assertEquals(new Metered(2081, 2048, 30, 12, 424, false), m);
    }

    static Route route() {
        return new Route(1, "a/b", "b", 1, "p", "P", false, 500,
                new Route.Endpoint(1, "openai", "http://x", null, 1000), PRICES, 4096, 8192, null);
    }

    private static Call call(long holdMicros) {
        return new Call("gen-1", new KeyState(1, 2, true), ChatRequest.parse(json("""
                {"model":"a/b","messages":[{"role":"user","content":"hi"}]}""")), List.of(route()), 3, 4096, holdMicros,
                System.nanoTime());
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }
}
