package dev.marketplace.tryit;

import dev.marketplace.gateway.application.Call;
import dev.marketplace.gateway.application.CallPreparer;
import dev.marketplace.gateway.application.ChatCompletions;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.keys.application.ApiKeySummary;
import dev.marketplace.keys.application.NewKey;
import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.keys.infrastructure.KeyAuthenticator;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

/**
 * Sends one prompt as the developer. The call goes through {@link CallPreparer} and {@link ChatCompletions} exactly
 * as an API request would, under the developer's own API key {@value #KEY_NAME} (created on first use; its secret
 * is never kept, the portal calls with the key's id): so the hold, the key's limits, the charge and the usage
 * record are those of any call, and the developer sees the spend on that key. A developer who disables the key
 * turns try-it off; one who deletes it gets a new one on the next try.
 */
@ApplicationScoped
public class TryIt {
    public static final String KEY_NAME = "Portal try-it";
    public static final int MAX_PROMPT_CHARS = 4_000;
    /** Caps what one try can cost: the answer is short by design. */
    public static final int MAX_TOKENS = 256;

    @Inject
    ApiKeyService keys;
    @Inject
    KeyAuthenticator authenticator;
    @Inject
    CallPreparer preparer;
    @Inject
    ChatCompletions completions;

    /** @throws GatewayException as the API would answer (no credit, key limit, model unknown, upstream failed) */
    public TryItAnswer ask(long developerId, String model, String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw GatewayException.badRequest("Write a prompt first", "messages");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw GatewayException.badRequest("A try-it prompt is limited to " + MAX_PROMPT_CHARS + " characters", "messages");
        }
        KeyState key = portalKey(developerId);
        Call call = preparer.prepare(Operation.CHAT_COMPLETIONS, key, body(model, prompt));
        return answer(completions.complete(call));
    }

    static byte[] body(String model, String prompt) {
        return JsonP.createObjectBuilder()
                .add("model", model)
                .add("messages", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                        .add("role", "user").add("content", prompt)))
                .add("max_tokens", MAX_TOKENS)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static TryItAnswer answer(JsonObject reply) {
        JsonArray choices = reply.getJsonArray("choices");
        String text = "";
        if (choices != null && !choices.isEmpty()) {
            JsonObject message = choices.getJsonObject(0).getJsonObject("message");
            text = message == null ? "" : message.getString("content", "");
        }
        JsonObject usage = reply.getJsonObject("usage");
        long costMicros = usage.getJsonNumber("cost").bigDecimalValue().movePointRight(6)
                .setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        return new TryItAnswer(reply.getString("id"), text, reply.getString("provider", ""),
                longOf(usage, "prompt_tokens"), longOf(usage, "completion_tokens"), costMicros);
    }

    private static long longOf(JsonObject usage, String field) {
        JsonNumber n = usage.getJsonNumber(field);
        return n == null ? 0 : n.longValueExact();
    }

    /** The developer's newest undeleted {@value #KEY_NAME} key, created when there is none. */
    private KeyState portalKey(long developerId) {
        long keyId = keys.list(developerId).stream()
                .filter(k -> k.active() && KEY_NAME.equals(k.name()))
                .max(Comparator.comparingLong(ApiKeySummary::id))
                .map(ApiKeySummary::id)
                .orElseGet(() -> keys.create(developerId, new NewKey(KEY_NAME, null, LimitReset.NONE, null, null)).key().id());
        KeyState key = authenticator.byId(keyId).orElseThrow(() -> new IllegalStateException("key " + keyId + " vanished"));
        if (key.developerId() != developerId) {
            throw new IllegalStateException("key " + keyId + " is not developer " + developerId + "'s");
        }
        if (!key.usableAt(Instant.now())) {
            throw GatewayException.unauthorized("Your \u201c" + KEY_NAME + "\u201d API key is disabled or expired: "
                    + "enable it on the Keys page to use try-it");
        }
        return key;
    }
}
