package dev.marketplace.api.provider;

import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.providerapi.application.DraftChanges;
import dev.marketplace.onboarding.providerapi.application.NewDraft;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Parses the provider API's JSON bodies. Prices are whole micro-USD ({@code prices.input_price_micros_per_mtok} …);
 * a wrong type is a 400 naming the field (nested fields as {@code prices.field}); the rules on values are the
 * application's. Unknown fields are refused, so a misspelt price is never silently ignored.
 */
final class ProviderBodies {
    static final int MAX_BODY_CHARS = 16 * 1024;
    static final List<String> PRICE_FIELDS = List.of("input_price_micros_per_mtok", "output_price_micros_per_mtok",
            "request_price_micros", "cache_read_price_micros_per_mtok", "cache_write_price_micros_per_mtok",
            "tier_min_context", "tier_input_price_micros_per_mtok", "tier_output_price_micros_per_mtok");

    private ProviderBodies() {
    }

    static NewDraft newDraft(String body) {
        JsonObject o = object(body, List.of("endpoint_id", "model", "upstream_model", "prices", "quantization",
                "supported_parameters"));
        return new NewDraft(requiredLong(o, "endpoint_id"), requiredString(o, "model"),
                requiredString(o, "upstream_model"), completePrices(o), string(o, "quantization"), strings(o));
    }

    static DraftChanges draftChanges(String body) {
        JsonObject o = object(body, List.of("upstream_model", "prices", "quantization", "supported_parameters"));
        UnaryOperator<PriceSet> prices = null;
        if (o.containsKey("prices")) {
            JsonObject p = priceObject(o);
            prices = current -> merged(p, current);
        }
        return new DraftChanges(string(o, "upstream_model"), prices, o.containsKey("quantization"), string(o, "quantization"),
                o.containsKey("supported_parameters"), strings(o));
    }

    /** A price change: the complete new price set and an optional {@code effective_at}. */
    record PriceChangeBody(PriceSet prices, Instant effectiveAt) {
    }

    static PriceChangeBody priceChange(String body) {
        JsonObject o = object(body, List.of("prices", "effective_at"));
        return new PriceChangeBody(completePrices(o), time(o, "effective_at"));
    }

    private static PriceSet completePrices(JsonObject o) {
        if (!o.containsKey("prices")) {
            throw ProviderApiException.badRequest("prices is required", "prices");
        }
        JsonObject p = priceObject(o);
        for (String required : List.of("input_price_micros_per_mtok", "output_price_micros_per_mtok")) {
            if (!p.containsKey(required)) {
                throw ProviderApiException.badRequest("prices." + required + " is required", "prices." + required);
            }
        }
        return merged(p, PriceSet.simple(0, 0));
    }

    private static PriceSet merged(JsonObject p, PriceSet base) {
        try {
            return new PriceSet(
                    price(p, "input_price_micros_per_mtok", base.inputMicrosPerMTok()),
                    price(p, "output_price_micros_per_mtok", base.outputMicrosPerMTok()),
                    price(p, "request_price_micros", base.requestMicros()),
                    price(p, "cache_read_price_micros_per_mtok", base.cacheReadMicrosPerMTok()),
                    price(p, "cache_write_price_micros_per_mtok", base.cacheWriteMicrosPerMTok()),
                    nullableInt(p, "tier_min_context", base.tierMinContext()),
                    nullableLong(p, "tier_input_price_micros_per_mtok", base.tierInputMicrosPerMTok()),
                    nullableLong(p, "tier_output_price_micros_per_mtok", base.tierOutputMicrosPerMTok()));
        } catch (InvalidPriceException e) {
            throw ProviderApiException.badRequest(e.getMessage(), "prices." + e.field());
        }
    }

    private static JsonObject priceObject(JsonObject o) {
        JsonValue v = o.get("prices");
        if (!(v instanceof JsonObject p)) {
            throw ProviderApiException.badRequest("prices must be an object of micro-USD prices", "prices");
        }
        for (String key : p.keySet()) {
            if (!PRICE_FIELDS.contains(key)) {
                throw ProviderApiException.badRequest("Unknown price field " + key + "; known: " + PRICE_FIELDS,
                        "prices." + key);
            }
        }
        return p;
    }

    private static JsonObject object(String body, List<String> known) {
        if (body == null || body.isBlank()) {
            throw ProviderApiException.badRequest("The body must be a JSON object", null);
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ProviderApiException.badRequest("The body is larger than " + MAX_BODY_CHARS + " characters", null);
        }
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProviderApiException.badRequest("The body is not a JSON object", null);
        }
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                throw ProviderApiException.badRequest("Unknown field " + key + "; known: " + known, key);
            }
        }
        return o;
    }

    private static long price(JsonObject p, String field, long fallback) {
        Long value = nullableLong(p, field, fallback);
        if (value == null) {
            throw ProviderApiException.badRequest("prices." + field + " must be a whole number of micro-USD", "prices." + field);
        }
        return value;
    }

    private static Long nullableLong(JsonObject o, String field, Long fallback) {
        if (!o.containsKey(field)) {
            return fallback;
        }
        JsonValue v = o.get(field);
        if (v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw ProviderApiException.badRequest("prices." + field + " must be a whole number of micro-USD", "prices." + field);
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw ProviderApiException.badRequest("prices." + field + " is too large", "prices." + field);
        }
    }

    private static Integer nullableInt(JsonObject o, String field, Integer fallback) {
        Long value = nullableLong(o, field, fallback == null ? null : fallback.longValue());
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw ProviderApiException.badRequest("prices." + field + " is too large", "prices." + field);
        }
        return value.intValue();
    }

    private static long requiredLong(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw ProviderApiException.badRequest(field + " must be a whole number", field);
        }
        return n.longValue();
    }

    private static String requiredString(JsonObject o, String field) {
        String value = string(o, field);
        if (value == null) {
            throw ProviderApiException.badRequest(field + " is required", field);
        }
        return value;
    }

    private static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ProviderApiException.badRequest(field + " must be a string", field);
        }
        return s.getString();
    }

    private static List<String> strings(JsonObject o) {
        JsonValue v = o.get("supported_parameters");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof jakarta.json.JsonArray array)) {
            throw ProviderApiException.badRequest("supported_parameters must be an array of strings", "supported_parameters");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw ProviderApiException.badRequest("supported_parameters must be an array of strings", "supported_parameters");
            }
            out.add(s.getString());
        }
        return out;
    }

    private static Instant time(JsonObject o, String field) {
        String value = string(o, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProviderApiException.badRequest(field + " must be an ISO-8601 time with offset, e.g. 2027-01-31T12:00:00Z",
                    field);
        }
    }
}
