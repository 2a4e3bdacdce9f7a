package dev.marketplace.onboarding.listings.domain;

import dev.marketplace.billing.money.PriceSet;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an item's {@code pricing} into the {@link PriceSet} billing charges: {@code prompt} and {@code completion}
 * (required, per token), {@code request} (per request), {@code input_cache_read} and {@code input_cache_write} (per
 * cached prompt token read from / written to the provider's cache), and {@code context_tiers}: at most one tier beyond
 * the base prices, {@code [{"min_context": n, "prompt": "…", "completion": "…"}]}, which prices every call whose prompt
 * is longer than n tokens. Every other price field must be absent or zero: a non-zero price billing cannot charge is
 * refused with the field's name, never dropped (a provider would otherwise serve work it is not paid for, or expect
 * money we never collect). Unknown price fields are refused for the same reason.
 */
final class PricingReader {

    /** Price fields of the format that billing does not charge, with how each is expressed. */
    private static final Map<String, String> NOT_CHARGED = Map.of(
            "image", "per input image",
            "web_search", "per web search",
            "internal_reasoning", "per reasoning token",
            "audio", "per audio input unit");
    private static final Set<String> CHARGED = Set.of("prompt", "completion", "request", "input_cache_read",
            "input_cache_write", "context_tiers");
    private static final Set<String> TIER_FIELDS = Set.of("min_context", "prompt", "completion");
    /** Tiers beyond the base prices that billing charges. */
    static final int MAX_EXTRA_TIERS = 1;
    private static final String CHARGED_LIST = "billing charges prompt, completion, request, input_cache_read, "
            + "input_cache_write and one context tier";

    private PricingReader() {
    }

    /** The prices billing will charge, or empty after recording what is wrong. */
    static Optional<PriceSet> read(ItemFields fields) {
        Optional<JsonObject> found = fields.object("pricing");
        if (found.isEmpty()) {
            if (!fields.has("pricing")) {
                fields.problem("pricing", "is missing");
            }
            return Optional.empty();
        }
        JsonObject pricing = found.get();
        Long input = tokenPrice(fields, "pricing.prompt", pricing.get("prompt"), true);
        Long output = tokenPrice(fields, "pricing.completion", pricing.get("completion"), true);
        Long request = requestPrice(fields, pricing.get("request"));
        Long cacheRead = tokenPrice(fields, "pricing.input_cache_read", pricing.get("input_cache_read"), false);
        Long cacheWrite = tokenPrice(fields, "pricing.input_cache_write", pricing.get("input_cache_write"), false);
        Optional<Optional<PriceSet.Tier>> tier = pricing.containsKey("context_tiers")
                ? tier(fields, pricing.get("context_tiers")) : Optional.of(Optional.empty());
        boolean chargeable = true;
        for (Map.Entry<String, JsonValue> entry : pricing.entrySet()) {
            String field = entry.getKey();
            if (CHARGED.contains(field)) {
                continue;
            }
            if (NOT_CHARGED.containsKey(field)) {
                chargeable &= zeroOnly(fields, "pricing." + field, entry.getValue(), NOT_CHARGED.get(field));
            } else {
                fields.problem("pricing." + TokenPrices.abbreviate(field), "is not a price field we know, so billing would "
                        + "not charge it: remove it or ask us to support it");
                chargeable = false;
            }
        }
        if (input == null || output == null || request == null || cacheRead == null || cacheWrite == null
                || tier.isEmpty() || !chargeable) {
            return Optional.empty();
        }
        return Optional.of(new PriceSet(input, output, request, cacheRead, cacheWrite, tier.get().orElse(null)));
    }

    /** Micro-USD per million tokens; an absent optional price is 0; null after recording a problem. */
    private static Long tokenPrice(ItemFields fields, String path, JsonValue value, boolean required) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                fields.problem(path, "is missing");
                return null;
            }
            return 0L;
        }
        if (!(value instanceof JsonString text)) {
            fields.problem(path, "must be a decimal string in USD per token, got " + ItemFields.kind(value));
            return null;
        }
        try {
            return TokenPrices.microsPerMillionTokens(text.getString());
        } catch (TokenPrices.PriceException e) {
            fields.problem(path, e.getMessage());
            return null;
        }
    }

    /** Micro-USD per request; 0 when absent; null after recording a problem. */
    private static Long requestPrice(ItemFields fields, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 0L;
        }
        if (!(value instanceof JsonString text)) {
            fields.problem("pricing.request", "must be a decimal string in USD per request, got " + ItemFields.kind(value));
            return null;
        }
        try {
            return TokenPrices.microsPerRequest(text.getString());
        } catch (TokenPrices.PriceException e) {
            fields.problem("pricing.request", e.getMessage());
            return null;
        }
    }

    private static boolean zeroOnly(ItemFields fields, String path, JsonValue value, String unit) {
        if (!(value instanceof JsonString text)) {
            fields.problem(path, "must be a decimal string in USD " + unit + ", got " + ItemFields.kind(value));
            return false;
        }
        try {
            long parsed = TokenPrices.microsPerMillionTokens(text.getString());
            if (parsed != 0) {
                fields.problem(path, "is " + text.getString() + " USD " + unit + ", which billing cannot charge: "
                        + CHARGED_LIST + ", so this price must be \"0\" or left out");
                return false;
            }
            return true;
        } catch (TokenPrices.PriceException e) {
            fields.problem(path, e.getMessage());
            return false;
        }
    }

    /** No tier (empty inner), one tier, or empty outer after recording what is wrong. */
    private static Optional<Optional<PriceSet.Tier>> tier(ItemFields fields, JsonValue value) {
        if (!(value instanceof JsonArray tiers)) {
            fields.problem("pricing.context_tiers", "must be an array of at most " + MAX_EXTRA_TIERS + " tier, got "
                    + ItemFields.kind(value));
            return Optional.empty();
        }
        if (tiers.size() > MAX_EXTRA_TIERS) {
            fields.problem("pricing.context_tiers", "has " + tiers.size() + " tiers; billing charges at most "
                    + MAX_EXTRA_TIERS + " tier beyond the base prompt and completion prices");
            return Optional.empty();
        }
        if (tiers.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        String path = "pricing.context_tiers[0]";
        if (!(tiers.get(0) instanceof JsonObject tier)) {
            fields.problem(path, "must be an object {\"min_context\": n, \"prompt\": \"…\", \"completion\": \"…\"}, got "
                    + ItemFields.kind(tiers.get(0)));
            return Optional.empty();
        }
        boolean known = true;
        for (String field : tier.keySet()) {
            if (!TIER_FIELDS.contains(field)) {
                fields.problem(path + "." + TokenPrices.abbreviate(field), "cannot be charged per tier: a tier has "
                        + "min_context, prompt and completion only (cache and request prices are the same in every tier)");
                known = false;
            }
        }
        Long minContext = minContext(fields, path + ".min_context", tier.get("min_context"));
        Long input = tokenPrice(fields, path + ".prompt", tier.get("prompt"), true);
        Long output = tokenPrice(fields, path + ".completion", tier.get("completion"), true);
        if (!known || minContext == null || input == null || output == null) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new PriceSet.Tier(minContext, input, output)));
    }

    private static Long minContext(ItemFields fields, String path, JsonValue value) {
        if (value == null) {
            fields.problem(path, "is missing");
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().signum() <= 0
                || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            fields.problem(path, "must be a whole number of prompt tokens between 1 and " + Integer.MAX_VALUE + ", got "
                    + (value instanceof JsonNumber ? value.toString() : ItemFields.kind(value)));
            return null;
        }
        return n.longValue();
    }
}
