package dev.marketplace.onboarding.listings.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an item's {@code pricing}. Billing charges prompt and completion tokens today, so those two are converted
 * and every other price field must be absent or zero: a non-zero price billing cannot charge is refused with the
 * field's name, never dropped (a provider would otherwise serve work it is not paid for, or expect money we never
 * collect). Unknown price fields are refused for the same reason.
 */
final class PricingReader {

    /** Price fields of the format that billing does not charge yet, with how each is expressed. */
    private static final Map<String, String> NOT_CHARGED_YET = Map.of(
            "request", "per request",
            "input_cache_read", "per cached input token read",
            "input_cache_write", "per cached input token written",
            "image", "per input image",
            "web_search", "per web search",
            "internal_reasoning", "per reasoning token",
            "audio", "per audio input unit");
    private static final int MAX_TIERS = 2;

    private PricingReader() {
    }

    /** {input, output} micro-USD per million tokens, or empty after recording what is wrong. */
    static Optional<long[]> read(ItemFields fields) {
        Optional<JsonObject> pricing = fields.object("pricing");
        if (pricing.isEmpty()) {
            if (!fields.has("pricing")) {
                fields.problem("pricing", "is missing");
            }
            return Optional.empty();
        }
        Long input = tokenPrice(fields, pricing.get(), "prompt");
        Long output = tokenPrice(fields, pricing.get(), "completion");
        boolean chargeable = true;
        for (Map.Entry<String, JsonValue> entry : pricing.get().entrySet()) {
            String field = entry.getKey();
            if (field.equals("prompt") || field.equals("completion")) {
                continue;
            }
            if (field.equals("context_tiers")) {
                chargeable &= tiers(fields, entry.getValue());
            } else if (NOT_CHARGED_YET.containsKey(field)) {
                chargeable &= zeroOnly(fields, "pricing." + field, entry.getValue(), NOT_CHARGED_YET.get(field));
            } else {
                fields.problem("pricing." + TokenPrices.abbreviate(field), "is not a price field we know, so billing would "
                        + "not charge it: remove it or ask us to support it");
                chargeable = false;
            }
        }
        return input != null && output != null && chargeable ? Optional.of(new long[] {input, output}) : Optional.empty();
    }

    private static Long tokenPrice(ItemFields fields, JsonObject pricing, String field) {
        JsonValue value = pricing.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            fields.problem("pricing." + field, "is missing");
            return null;
        }
        if (!(value instanceof JsonString text)) {
            fields.problem("pricing." + field, "must be a decimal string in USD per token, got " + ItemFields.kind(value));
            return null;
        }
        try {
            return TokenPrices.microsPerMillionTokens(text.getString());
        } catch (TokenPrices.PriceException e) {
            fields.problem("pricing." + field, e.getMessage());
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
                fields.problem(path, "is " + text.getString() + " USD " + unit + ", which billing cannot charge yet: "
                        + "only prompt and completion tokens are charged, so this price must be \"0\" or left out");
                return false;
            }
            return true;
        } catch (TokenPrices.PriceException e) {
            fields.problem(path, e.getMessage());
            return false;
        }
    }

    private static boolean tiers(ItemFields fields, JsonValue value) {
        if (!(value instanceof JsonArray tiers)) {
            fields.problem("pricing.context_tiers", "must be an array of at most " + MAX_TIERS + " tiers, got " + ItemFields.kind(value));
            return false;
        }
        if (tiers.size() > MAX_TIERS) {
            fields.problem("pricing.context_tiers", "has " + tiers.size() + " tiers; at most " + MAX_TIERS + " are allowed");
            return false;
        }
        if (!tiers.isEmpty()) {
            fields.problem("pricing.context_tiers", "prices that change with the context length cannot be charged yet: "
                    + "billing charges one prompt and one completion price per listing, so list the model without tiers");
            return false;
        }
        return true;
    }
}
