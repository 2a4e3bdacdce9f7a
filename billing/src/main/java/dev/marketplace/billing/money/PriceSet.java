package dev.marketplace.billing.money;

/**
 * Everything one listing charges, in micro-USD: per million tokens of uncached prompt ({@code input}), of completion
 * ({@code output}), of prompt read from the provider's cache and of prompt written to it; per request; and an optional
 * context tier. 0 means free. See {@link Money#costMicros(PriceSet, TokenUsage)} for how a call is priced.
 */
public record PriceSet(long inputMicrosPerMTok, long outputMicrosPerMTok, long requestMicros,
                       long cacheReadMicrosPerMTok, long cacheWriteMicrosPerMTok, Tier tier) {

    public PriceSet {
        nonNegative("input price", inputMicrosPerMTok);
        nonNegative("output price", outputMicrosPerMTok);
        nonNegative("request price", requestMicros);
        nonNegative("cache read price", cacheReadMicrosPerMTok);
        nonNegative("cache write price", cacheWriteMicrosPerMTok);
    }

    /** Prompt and completion prices only: no request, cache or tier price. */
    public static PriceSet tokens(long inputMicrosPerMTok, long outputMicrosPerMTok) {
        return new PriceSet(inputMicrosPerMTok, outputMicrosPerMTok, 0, 0, 0, null);
    }

    /** Whether a call with this many prompt tokens (cached ones included) is priced at the tier's prices. */
    public boolean tierApplies(long promptTokens) {
        return tier != null && promptTokens > tier.minContext();
    }

    /** The uncached prompt price for a call with this many prompt tokens. */
    public long inputFor(long promptTokens) {
        return tierApplies(promptTokens) ? tier.inputMicrosPerMTok() : inputMicrosPerMTok;
    }

    /** The completion price for a call with this many prompt tokens. */
    public long outputFor(long promptTokens) {
        return tierApplies(promptTokens) ? tier.outputMicrosPerMTok() : outputMicrosPerMTok;
    }

    /** Whether anything beyond the prompt and completion prices is charged. */
    public boolean hasExtras() {
        return requestMicros != 0 || cacheReadMicrosPerMTok != 0 || cacheWriteMicrosPerMTok != 0 || tier != null;
    }

    /**
     * A second context tier: a call whose prompt (cached tokens included) is longer than {@code minContext} tokens is
     * priced at these input and output prices instead of the base ones, for all of its uncached prompt and completion
     * tokens (cache reads and writes keep their own prices).
     */
    public record Tier(long minContext, long inputMicrosPerMTok, long outputMicrosPerMTok) {
        public Tier {
            if (minContext <= 0) {
                throw new IllegalArgumentException("a tier's min_context must be positive: " + minContext);
            }
            nonNegative("tier input price", inputMicrosPerMTok);
            nonNegative("tier output price", outputMicrosPerMTok);
        }
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
