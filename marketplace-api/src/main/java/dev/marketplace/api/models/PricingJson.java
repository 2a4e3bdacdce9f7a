package dev.marketplace.api.models;

import dev.marketplace.billing.money.PriceSet;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;

/**
 * A listing's prices in OpenRouter's {@code pricing} shape: USD as exact plain decimal strings, per token for
 * {@code prompt}, {@code completion}, {@code input_cache_read} and {@code input_cache_write}, per request for
 * {@code request}; a context tier, if the listing has one, as {@code context_tiers}
 * ({@code [{"min_context": n, "prompt": "…", "completion": "…"}]}: prompts longer than {@code min_context} tokens are
 * priced at the tier's prompt and completion prices), the same shape the List Models import reads.
 */
final class PricingJson {

    private PricingJson() {
    }

    static JsonObjectBuilder pricing(PriceSet p) {
        JsonObjectBuilder pricing = JsonP.createObjectBuilder()
                .add("prompt", perToken(p.inputMicrosPerMTok()))
                .add("completion", perToken(p.outputMicrosPerMTok()))
                .add("request", perRequest(p.requestMicros()))
                .add("input_cache_read", perToken(p.cacheReadMicrosPerMTok()))
                .add("input_cache_write", perToken(p.cacheWriteMicrosPerMTok()));
        if (p.tier() != null) {
            pricing.add("context_tiers", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                    .add("min_context", p.tier().minContext())
                    .add("prompt", perToken(p.tier().inputMicrosPerMTok()))
                    .add("completion", perToken(p.tier().outputMicrosPerMTok()))));
        }
        return pricing;
    }

    /** Micro-USD per million tokens as USD per token, a plain decimal string (OpenRouter's format). */
    static String perToken(long microsPerMTok) {
        return BigDecimal.valueOf(microsPerMTok, 12).stripTrailingZeros().toPlainString();
    }

    /** Micro-USD as USD, a plain decimal string. */
    static String perRequest(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
