package dev.marketplace.gateway.domain;

import dev.marketplace.routing.domain.RoutingPreferences;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads OpenRouter's routing fields of a request: {@code model} with its {@code :floor} (cheapest first) or
 * {@code :nitro} (highest throughput first) variant, the {@code models} fallback list and the {@code provider}
 * object ({@code order}, {@code only}, {@code ignore}, {@code allow_fallbacks}, {@code sort} price | throughput |
 * latency, {@code max_price}, {@code require_parameters}, {@code data_collection} allow | deny). A value it does not
 * know is refused with a 400 naming the field, never silently ignored.
 */
final class RoutingRequest {
    static final int MAX_MODELS = 10;
    static final String FLOOR = ":floor";
    static final String NITRO = ":nitro";

    private RoutingRequest() {
    }

    static RoutingPreferences parse(JsonObject json, String model) {
        RoutingPreferences.Sort variant = RoutingPreferences.Sort.DEFAULT;
        List<String> models = new ArrayList<>();
        for (String slug : modelList(json, model)) {
            if (slug.endsWith(NITRO)) {
                variant = RoutingPreferences.Sort.THROUGHPUT;
                slug = slug.substring(0, slug.length() - NITRO.length());
            } else if (slug.endsWith(FLOOR)) {
                variant = RoutingPreferences.Sort.PRICE;
                slug = slug.substring(0, slug.length() - FLOOR.length());
            }
            if (!models.contains(slug)) {
                models.add(slug);
            }
        }
        JsonValue provider = json.get("provider");
        if (provider == null || provider == JsonValue.NULL) {
            return new RoutingPreferences(models, List.of(), Set.of(), Set.of(), true, variant, null, null, Set.of(),
                    false);
        }
        if (!(provider instanceof JsonObject p)) {
            throw GatewayException.badRequest("'provider' must be an object", "provider");
        }
        RoutingPreferences.Sort sort = sort(p, variant);
        JsonObject maxPrice = p.get("max_price") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> required = bool(p, "require_parameters", false) ? RequestParameters.used(json) : Set.of();
        return new RoutingPreferences(models, strings(p, "order"), new LinkedHashSet<>(strings(p, "only")),
                new LinkedHashSet<>(strings(p, "ignore")), bool(p, "allow_fallbacks", true),
                sort, micros(maxPrice, "prompt", PER_MTOK), micros(maxPrice, "completion", PER_MTOK), required,
                denyDataCollection(p), micros(maxPrice, "request", PER_REQUEST));
    }

    /** provider.sort wins over a variant; without either, the catalog's order. */
    private static RoutingPreferences.Sort sort(JsonObject p, RoutingPreferences.Sort variant) {
        JsonValue sort = p.get("sort");
        if (sort == null || sort == JsonValue.NULL) {
            return variant;
        }
        String value = sort instanceof JsonString s ? s.getString() : "";
        return switch (value) {
            case "price" -> RoutingPreferences.Sort.PRICE;
            case "throughput" -> RoutingPreferences.Sort.THROUGHPUT;
            case "latency" -> RoutingPreferences.Sort.LATENCY;
            default -> throw GatewayException.badRequest("provider.sort must be \"price\", \"throughput\" or "
                    + "\"latency\"", "provider.sort");
        };
    }

    private static boolean denyDataCollection(JsonObject p) {
        JsonValue value = p.get("data_collection");
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value instanceof JsonString s && ("allow".equals(s.getString()) || "deny".equals(s.getString()))) {
            return "deny".equals(s.getString());
        }
        throw GatewayException.badRequest("provider.data_collection must be \"allow\" or \"deny\"",
                "provider.data_collection");
    }

    private static boolean bool(JsonObject p, String field, boolean absent) {
        JsonValue value = p.get(field);
        if (value == null || value == JsonValue.NULL) {
            return absent;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw GatewayException.badRequest("provider." + field + " must be true or false", "provider." + field);
        }
        return value == JsonValue.TRUE;
    }

    private static List<String> modelList(JsonObject json, String model) {
        List<String> list = new ArrayList<>();
        if (model != null) {
            list.add(model);
        }
        list.addAll(strings(json, "models"));
        if (list.size() > MAX_MODELS + 1) {
            throw GatewayException.badRequest("'models' lists at most " + MAX_MODELS + " models", "models");
        }
        return list;
    }

    private static List<String> strings(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw GatewayException.badRequest("'" + field + "' must be an array of strings", field);
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s) || s.getString().isBlank()) {
                throw GatewayException.badRequest("'" + field + "' must be an array of strings", field);
            }
            out.add(s.getString());
        }
        return out;
    }

    private static final String PER_MTOK = "USD per million tokens";
    private static final String PER_REQUEST = "USD per request";

    /** A USD cap (per million tokens, or per request) as micro-USD (at most 6 decimals), or null for none. */
    private static Long micros(JsonObject maxPrice, String field, String unit) {
        JsonValue v = maxPrice.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || n.bigDecimalValue().signum() < 0) {
            throw GatewayException.badRequest("provider.max_price." + field + " must be " + unit, "provider.max_price");
        }
        try {
            return n.bigDecimalValue().movePointRight(6).setScale(0).longValueExact();
        } catch (ArithmeticException e) {
            throw GatewayException.badRequest("provider.max_price." + field + " has more than 6 decimals",
                    "provider.max_price");
        }
    }
}
