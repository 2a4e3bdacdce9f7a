package dev.marketplace.billing.money;

/**
 * The tokens of one call as billed: all prompt tokens (cached ones included, as OpenAI and OpenRouter count them),
 * of which {@code cacheReadTokens} were read from the provider's prompt cache and {@code cacheWriteTokens} written to
 * it, and the completion tokens.
 */
public record TokenUsage(long promptTokens, long cacheReadTokens, long cacheWriteTokens, long completionTokens) {

    public TokenUsage {
        if (promptTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("negative token count: " + promptTokens + "/" + cacheReadTokens + "/"
                    + cacheWriteTokens + "/" + completionTokens);
        }
        if (cacheReadTokens > promptTokens || cacheWriteTokens > promptTokens - cacheReadTokens) {
            throw new IllegalArgumentException("cached tokens (read " + cacheReadTokens + ", written " + cacheWriteTokens
                    + ") exceed the prompt's " + promptTokens);
        }
    }

    /** No prompt caching. */
    public static TokenUsage of(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, 0, 0, completionTokens);
    }

    /**
     * What an upstream reported, made consistent: negative counts become 0, and cached counts are cut to the prompt
     * (reads first, then writes), so a provider can never bill more cached tokens than the prompt had.
     */
    public static TokenUsage reported(long promptTokens, long cacheReadTokens, long cacheWriteTokens, long completionTokens) {
        long prompt = Math.max(0, promptTokens);
        long read = Math.min(Math.max(0, cacheReadTokens), prompt);
        long write = Math.min(Math.max(0, cacheWriteTokens), prompt - read);
        return new TokenUsage(prompt, read, write, Math.max(0, completionTokens));
    }

    /** Prompt tokens neither read from nor written to the cache. */
    public long uncachedPromptTokens() {
        return promptTokens - cacheReadTokens - cacheWriteTokens;
    }
}
