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
 * Reads OpenRouter's routing fields of a request: {@code model} with its {@code :floor} variant, the {@code models}
 * fallback list and the {@code provider} object. What is not built yet ({@code :nitro}, sorting by throughput or
 * latency, {@code data_collection: deny}, {@code require_parameters: true}) is refused with a 400 naming the field,
 * never silently ignored.
 */
final class RoutingRequest {
    static final int MAX_MODELS = 10;
    static final String FLOOR = ":floor";
    static final String NITRO = ":nitro";

    private RoutingRequest() {
    }

    static RoutingPreferences parse(JsonObject json, String model) {
        boolean floor = false;
        List<String> models = new ArrayList<>();
        for (String slug : modelList(json, model)) {
            if (slug.endsWith(NITRO)) {
                throw GatewayException.badRequest("The ':nitro' variant (fastest endpoint) is not supported yet", "model");
            }
            if (slug.endsWith(FLOOR)) {
                floor = true;
                slug = slug.substring(0, slug.length() - FLOOR.length());
            }
            if (!models.contains(slug)) {
                models.add(slug);
            }
        }
        JsonValue provider = json.get("provider");
        if (provider == null || provider == JsonValue.NULL) {
            return new RoutingPreferences(models, List.of(), Set.of(), Set.of(), true, floor, null, null);
        }
        if (!(provider instanceof JsonObject p)) {
            throw GatewayException.badRequest("'provider' must be an object", "provider");
        }
        refuseUnsupported(p);
        boolean byPrice = floor || "price".equals(p.getString("sort", ""));
        JsonObject maxPrice = p.get("max_price") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        return new RoutingPreferences(models, strings(p, "order"), new LinkedHashSet<>(strings(p, "only")),
                new LinkedHashSet<>(strings(p, "ignore")), p.getBoolean("allow_fallbacks", true), byPrice,
                microsPerMTok(maxPrice, "prompt"), microsPerMTok(maxPrice, "completion"));
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

    private static void refuseUnsupported(JsonObject p) {
        String sort = p.getString("sort", "price");
        if (!"price".equals(sort)) {
            throw GatewayException.badRequest("provider.sort '" + sort + "' is not supported yet (only 'price')", "provider.sort");
        }
        if ("deny".equals(p.getString("data_collection", "allow"))) {
            throw GatewayException.badRequest("provider.data_collection 'deny' is not supported yet: endpoints do not "
                    + "declare their retention", "provider.data_collection");
        }
        if (p.getBoolean("require_parameters", false)) {
            throw GatewayException.badRequest("provider.require_parameters is not supported yet",
                    "provider.require_parameters");
        }
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

    /** A USD-per-million-tokens cap as micro-USD per million tokens (at most 6 decimals), or null for none. */
    private static Long microsPerMTok(JsonObject maxPrice, String field) {
        JsonValue v = maxPrice.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || n.bigDecimalValue().signum() < 0) {
            throw GatewayException.badRequest("provider.max_price." + field + " must be USD per million tokens",
                    "provider.max_price");
        }
        try {
            return n.bigDecimalValue().movePointRight(6).setScale(0).longValueExact();
        } catch (ArithmeticException e) {
            throw GatewayException.badRequest("provider.max_price." + field + " has more than 6 decimals",
                    "provider.max_price");
        }
    }
}
