package dev.marketplace.gateway.application;

import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.money.TokenUsage;
import dev.marketplace.catalog.stats.EndpointStatsCollector;
import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.metering.application.UsageRecorder;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.operations.Operations;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.function.LongSupplier;

/**
 * The last step of the hot path: turn what the upstream reported (or what we counted) into billed tokens and a
 * cost, never above the hold, and make usage record and charge durable together before the client sees the end.
 * Its instance methods are public and take and return public types only: Weld's client proxy calls such a method directly,
 * any other by reflection (for {@link #charge} 1.8% of the gateway's CPU at 64 connections).
 */
@ApplicationScoped
public class Settlement {
    @Inject
    UsageRecorder recorder;
    @Inject
    TokenCounter tokens;
    @Inject
    EndpointStatsCollector stats;

    /**
     * Meter from the upstream's usage object when it has token counts, else count the delivered text; cached prompt
     * tokens as the upstream reports them ({@link #cacheReadTokens}, {@link #cacheWriteTokens}). The cost is the
     * listing's price for those tokens ({@link Money#costMicros(dev.marketplace.billing.money.PriceSet, TokenUsage)}),
     * never above the hold.
     */
    public Metered meter(Call call, Route route, JsonObject usage, String deliveredText) {
        long prompt = count(usage, "prompt_tokens", call::promptEstimateTokens);
        long completion = count(usage, "completion_tokens", () -> tokens.count(deliveredText)); // tokenize only when needed
        boolean capped = false;
        if (completion > call.maxTokens()) { // the upstream overran the cap it was sent: bill the cap, flag it
            completion = call.maxTokens();
            capped = true;
        }
        TokenUsage billed = TokenUsage.reported(prompt, cacheReadTokens(usage), cacheWriteTokens(usage), completion);
        long cost = call.selfTest() ? 0  // a provider's self-test of its own listing is billed at zero
                : Money.costMicrosAtMost(route.prices(), billed, Long.MAX_VALUE); // saturates instead of overflowing
        if (cost > call.holdMicros()) {
            cost = call.holdMicros();
            capped = true;
        }
        return new Metered(billed.promptTokens(), billed.cacheReadTokens(), billed.cacheWriteTokens(),
                billed.completionTokens(), cost, capped);
    }

    /**
     * Prompt tokens read from the provider's cache: OpenAI's and OpenRouter's {@code prompt_tokens_details.cached_tokens}
     * (the Anthropic adapter translates {@code cache_read_input_tokens} into it), else DeepSeek's
     * {@code prompt_cache_hit_tokens}; 0 when not reported.
     */
    static long cacheReadTokens(JsonObject usage) {
        if (usage == null) {
            return 0;
        }
        long details = count(details(usage), "cached_tokens", () -> -1);
        return details >= 0 ? details : count(usage, "prompt_cache_hit_tokens", () -> 0);
    }

    /**
     * Prompt tokens written to the provider's cache: OpenRouter's {@code prompt_tokens_details.cache_write_tokens} (the
     * Anthropic adapter translates {@code cache_creation_input_tokens} into it; OpenAI itself reports no writes).
     */
    static long cacheWriteTokens(JsonObject usage) {
        return usage == null ? 0 : count(details(usage), "cache_write_tokens", () -> 0);
    }

    private static JsonObject details(JsonObject usage) {
        return usage.get("prompt_tokens_details") instanceof JsonObject d ? d : null;
    }

    /**
     * Records the generation (with its charge, unless a self-test) and, once it is durable, counts it in the endpoint
     * stats: a record that could not be written is not counted either, as a usage record scan would not have seen it.
     */
    public void charge(Call call, Route route, Metered m, UsageStatus status, String finishReason) {
        UsageRecord usage = record(call, route, m, status, finishReason);
        if (call.selfTest()) { // billed at zero: the usage alone, marked, and no journal
            recorder.recordSelfTest(usage);
        } else {
            recordCharged(call, route, usage);
        }
        observe(usage);
        Operations.generation(call.generationId(), route.modelSlug(), route.providerSlug(), status.name(), finishReason, // operations hook
                call.stream(), m.promptTokens(), m.completionTokens(), m.costMicros(), call.startNanos());
    }

    private void recordCharged(Call call, Route route, UsageRecord usage) {
        String payee = route.platformOperated()
                ? AccountCodes.REVENUE_PLATFORM_PROVIDER
                : AccountCodes.providerPayable(route.providerId());
        UsageCharge charge = new UsageCharge(call.generationId(), call.generationId(), call.key().developerId(), payee,
                AccountCodes.REVENUE_TAKE, usage.costMicros(), route.takeRateBps());
        recorder.recordCharged(usage, charge);
    }

    public void fail(Call call, Route route) {
        UsageRecord usage = record(call, route, Metered.NONE, UsageStatus.ERROR, "error");
        recorder.recordFailed(usage, call.selfTest() ? null : call.generationId());
        observe(usage);
        Operations.generation(call.generationId(), route.modelSlug(), route.providerSlug(), UsageStatus.ERROR.name(), // operations hook
                "error", call.stream(), 0, 0, 0, call.startNanos());
    }

    /** No upstream was called (every endpoint at capacity): the hold goes back, nothing is recorded or charged. */
    public void releaseUnserved(Call call) {
        if (call.selfTest()) {
            return; // nothing was held
        }
        recorder.release(call.generationId());
    }

    /**
     * After an unexpected failure: give the hold back unless it was already settled or released (release is a no-op
     * then). A failure to release is attached to the original error, which the caller rethrows.
     */
    public void releaseAfterCrash(Call call, RuntimeException cause) {
        if (cause instanceof GatewayException || call.selfTest()) { // answered, or nothing held
            return; // answered errors have already recorded the failure and released the hold
        }
        try {
            recorder.release(call.generationId());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void observe(UsageRecord u) {
        stats.observe(u.listingId(), u.status(), u.latencyMs(), u.completionTokens(), u.capped());
    }

    private static UsageRecord record(Call call, Route route, Metered m, UsageStatus status, String finishReason) {
        return new UsageRecord(call.generationId(), call.key().developerId(), call.key().keyId(), route.modelSlug(),
                route.providerSlug(), route.listingId(), m.promptTokens(), m.cacheReadTokens(), m.cacheWriteTokens(),
                m.completionTokens(), m.costMicros(),
                call.holdMicros(), call.elapsedMs(), status, finishReason, call.stream(), m.capped(),
                call.request().metadataJson(), call.selfTest());
    }

    private static long count(JsonObject usage, String field, LongSupplier fallback) {
        if (usage != null && usage.get(field) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
            return n.longValue();
        }
        return fallback.getAsLong();
    }
}
