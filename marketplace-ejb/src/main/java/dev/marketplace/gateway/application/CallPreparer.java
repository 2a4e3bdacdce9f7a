package dev.marketplace.gateway.application;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.Ledger;
import dev.marketplace.billing.money.Money;
import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.keys.infrastructure.KeyAuthenticator;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.metering.application.HoldOutcome;
import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.metering.application.UsageRecorder;
import dev.marketplace.metering.infrastructure.OverloadedException;
import dev.marketplace.routing.application.Router;
import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.marketplace.platform.JsonP;
import dev.marketplace.platform.operations.Operations;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The first half of the hot path: authenticate the key, parse and validate the request, route it, and hold its
 * worst-case cost against the developer's credit. Everything here answers before any upstream is called.
 */
@ApplicationScoped
public class CallPreparer {
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final String BEARER = "Bearer ";
    /** One generator per thread: a shared SecureRandom is a lock every request thread queued on (JFR). */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Inject
    KeyAuthenticator keys;
    @Inject
    Router router;
    @Inject
    TokenCounter tokens;
    @Inject
    Ledger ledger;
    @Inject
    UsageRecorder recorder;
    @Inject
    RateLimiter rateLimiter;

    public Call prepare(String authorization, byte[] body) {
        return prepare(Operation.CHAT_COMPLETIONS, authorization, body);
    }

    /** The same steps for any operation: chat completions, legacy completions, embeddings. */
    public Call prepare(Operation operation, String authorization, byte[] body) {
        long start = System.nanoTime();
        return prepare(operation, authenticate(authorization), body, start);
    }

    /**
     * The same steps for a key the caller already resolved and checked usable (the portal's try-it box calls as the
     * developer's own key without its secret); everything after authentication is identical.
     */
    public Call prepare(Operation operation, KeyState key, byte[] body) {
        return prepare(operation, key, body, System.nanoTime());
    }

    private Call prepare(Operation operation, KeyState key, byte[] body, long start) {
        if (key.rateLimitRpm() != null) {
            long waitSeconds = rateLimiter.acquire(key.keyId(), key.rateLimitRpm());
            if (waitSeconds > 0) {
                throw GatewayException.rateLimited("This API key allows " + key.rateLimitRpm()
                        + " requests per minute; retry in " + waitSeconds + " s", waitSeconds);
            }
        }
        if (body.length > MAX_BODY_BYTES) {
            throw GatewayException.tooLarge(MAX_BODY_BYTES);
        }
        ChatRequest request = ChatRequest.parse(operation, parse(body));
        List<Route> ownNonLive = router.selfTestRoutes(key.developerId(), request.routing(), operation);
        if (!ownNonLive.isEmpty()) {
            return selfTest(start, key, request, withRoom(request, ownNonLive));
        }
        List<Route> routes = withRoom(request, router.routes(request.routing(), operation));
        int promptEstimate = Math.addExact(tokens.promptTokens(request.messageTexts()), request.promptTokenIds());
        long promptHoldTokens = HoldSizing.promptHoldTokens(promptEstimate);
        String account = AccountCodes.developerCredit(key.developerId());
        int maxTokens = maxTokens(request, routes, promptHoldTokens, account);
        long holdMicros = HoldSizing.worstCostMicros(routes, promptHoldTokens, maxTokens);
        String generationId = newGenerationId();
        HoldOutcome outcome = placeHold(generationId, account, holdMicros, key);
        if (outcome == HoldOutcome.INSUFFICIENT_CREDIT) {
            throw insufficient(holdMicros, ledger.availableMicros(account));
        }
        if (outcome == HoldOutcome.KEY_LIMIT_REACHED) {
            throw GatewayException.keyLimitReached("This API key's credit limit"
                    + (key.limitReset() == LimitReset.NONE ? "" : " for this " + key.limitReset().periodName())
                    + " ($" + Money.toUsd(key.creditLimitMicros()).toPlainString() + ") does not cover this request, which can"
                    + " cost up to $" + Money.toUsd(holdMicros).toPlainString() + ". Raise the key's limit or lower max_tokens.");
        }
        return new Call(generationId, key, request, routes, promptEstimate, maxTokens, holdMicros, start);
    }

    /**
     * A provider member's own key calling the provider's draft, pending or paused listing: billed at zero, so
     * nothing is held and the credit is not consulted; the output cap is the client's or the model's.
     */
    private Call selfTest(long start, KeyState key, ChatRequest request, List<Route> routes) {
        int promptEstimate = Math.addExact(tokens.promptTokens(request.messageTexts()), request.promptTokenIds());
        int modelMax = routes.stream().mapToInt(Route::maxOutputTokens).min().orElseThrow();
        int maxTokens = request.operation() == Operation.EMBEDDINGS ? 0
                : request.maxTokens() > 0 ? Math.min(request.maxTokens(), modelMax) : modelMax;
        return Call.selfTest(newGenerationId(), key, request, routes, promptEstimate, maxTokens, start);
    }

    private HoldOutcome placeHold(String holdId, String account, long holdMicros, KeyState key) {
        try {
            HoldOutcome outcome = recorder.placeHold(holdId, account, holdMicros, key);
            Operations.holdPlaced(outcome == HoldOutcome.GRANTED); // operations hook
            return outcome;
        } catch (OverloadedException e) {
            Operations.holdOverloaded(); // operations hook
            throw GatewayException.overloaded(e.getMessage());
        }
    }

    public KeyState authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw GatewayException.unauthorized("Missing API key: send 'Authorization: Bearer sk-mk-…'");
        }
        return keys.authenticate(authorization.substring(BEARER.length()).strip())
                .orElseThrow(() -> GatewayException.unauthorized("Invalid or revoked API key"));
    }

    /**
     * The routes to try: those whose endpoint has room now. Nothing matching is a 404; everything matching at
     * capacity a 429 with Retry-After (503 when all are drained), answered before anything is held.
     */
    private List<Route> withRoom(ChatRequest request, List<Route> routes) {
        if (routes.isEmpty()) {
            throw noRoute(request);
        }
        List<Route> open = router.withRoom(routes);
        if (open.isEmpty()) {
            throw router.anyCanServe(routes)
                    ? GatewayException.endpointsAtCapacity(request.model(), router.retryAfterSeconds(routes))
                    : GatewayException.noCapacity(request.model());
        }
        return open;
    }

    /** The client's cap, or the model's maximum reduced to what the developer's credit covers; 0 for embeddings. */
    private int maxTokens(ChatRequest request, List<Route> routes, long promptHoldTokens, String account) {
        if (request.operation() == Operation.EMBEDDINGS) {
            return 0;
        }
        int modelMax = routes.stream().mapToInt(Route::maxOutputTokens).min().orElseThrow();
        if (request.maxTokens() > 0) {
            return Math.min(request.maxTokens(), modelMax);
        }
        // this node's lease usually covers the model's maximum: then no query
        long leased = recorder.leasedFreeMicros(account).orElse(0L);
        long available = leased;
        int affordable = HoldSizing.affordableOutputTokens(routes, promptHoldTokens, modelMax, available);
        if (affordable < modelMax) {
            available = Math.addExact(ledger.availableMicros(account), leased);
            affordable = HoldSizing.affordableOutputTokens(routes, promptHoldTokens, modelMax, available);
        }
        if (affordable < 1) {
            throw insufficient(HoldSizing.worstCostMicros(routes, promptHoldTokens, 1), available);
        }
        return affordable;
    }

    /** 404 either way: no such model, or none of its endpoints serves the operation and matches the preferences. */
    private GatewayException noRoute(ChatRequest request) {
        for (String model : request.routing().models()) {
            if (router.knows(model)) {
                return new GatewayException(404, "invalid_request_error", "No endpoint of " + request.routing().models()
                        + " serves /" + request.operation().path() + " and matches the provider preferences"
                        + (request.routing().requiredParameters().isEmpty() ? ""
                        : " (require_parameters: " + request.routing().requiredParameters() + ")"),
                        "provider", java.util.Map.of());
            }
        }
        return GatewayException.modelNotFound(request.model());
    }

    /** UTF-8 (RFC 8259); read from a String because a reader over bytes allocates an 8 KB decoder per request. */
    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = JsonP.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw GatewayException.badRequest("The body is not a JSON object: " + e.getMessage(), null);
        }
    }

    private static GatewayException insufficient(long neededMicros, long availableMicros) {
        return GatewayException.insufficientCredit("Insufficient credit: this request can cost up to $"
                + Money.toUsd(neededMicros).toPlainString() + " and $" + Money.toUsd(Math.max(0, availableMicros)).toPlainString()
                + " is available. Buy credits or lower max_tokens.");
    }

    private static String newGenerationId() {
        byte[] bytes = new byte[12];
        RANDOM.get().nextBytes(bytes);
        return "gen-" + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(bytes);
    }
}
