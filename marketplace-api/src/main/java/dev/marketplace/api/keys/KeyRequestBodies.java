package dev.marketplace.api.keys;

import dev.marketplace.billing.money.Money;
import dev.marketplace.keys.application.KeyChanges;
import dev.marketplace.keys.application.KeyRequestException;
import dev.marketplace.keys.application.NewKey;
import dev.marketplace.keys.domain.LimitReset;
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

/**
 * Parses the JSON bodies of {@code POST /keys} and {@code PATCH /keys/{id}}: {@code name}, {@code limit} (USD, at most
 * six decimals, or null), {@code limit_reset} (daily | weekly | monthly | null), {@code expires_at} (ISO-8601 with
 * offset, or null), {@code disabled}, {@code rate_limit_rpm} (a whole number, or null). A field of the wrong type is a 400 naming it; the rules on values are
 * the application's.
 */
final class KeyRequestBodies {
    static final int MAX_BODY_CHARS = 16 * 1024;

    private KeyRequestBodies() {
    }

    static NewKey newKey(String body) {
        JsonObject o = object(body);
        return new NewKey(string(o, "name"), o.containsKey("limit") ? limitMicros(o) : null,
                o.containsKey("limit_reset") ? limitReset(o) : LimitReset.NONE, expiresAt(o), rateLimitRpm(o));
    }

    static KeyChanges changes(String body) {
        JsonObject o = object(body);
        Boolean disabled = null;
        if (o.containsKey("disabled")) {
            JsonValue v = o.get("disabled");
            if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                throw KeyRequestException.badRequest("disabled must be true or false", "disabled");
            }
            disabled = v == JsonValue.TRUE;
        }
        boolean limitGiven = o.containsKey("limit");
        return new KeyChanges(string(o, "name"), disabled, limitGiven, limitGiven ? limitMicros(o) : null,
                o.containsKey("limit_reset") ? limitReset(o) : null, o.containsKey("rate_limit_rpm"), rateLimitRpm(o));
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw KeyRequestException.badRequest("The body must be a JSON object", null);
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw KeyRequestException.badRequest("The body is larger than " + MAX_BODY_CHARS + " characters", null);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw KeyRequestException.badRequest("The body is not a JSON object", null);
        }
    }

    private static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw KeyRequestException.badRequest(field + " must be a string", field);
        }
        return s.getString();
    }

    private static Long limitMicros(JsonObject o) {
        JsonValue v = o.get("limit");
        if (v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            throw KeyRequestException.badRequest("limit must be a number of USD or null", "limit");
        }
        try {
            return Money.parseUsdMicros(n.bigDecimalValue().toPlainString());
        } catch (IllegalArgumentException e) {
            throw KeyRequestException.badRequest("limit must be a USD amount with at most 6 decimals", "limit");
        }
    }

    private static Integer rateLimitRpm(JsonObject o) {
        JsonValue v = o.get("rate_limit_rpm");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw KeyRequestException.badRequest("rate_limit_rpm must be a whole number of requests per minute or null",
                    "rate_limit_rpm");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw KeyRequestException.badRequest("rate_limit_rpm is too large", "rate_limit_rpm");
        }
    }

    private static LimitReset limitReset(JsonObject o) {
        JsonValue v = o.get("limit_reset");
        String value = v == JsonValue.NULL ? null : v instanceof JsonString s ? s.getString() : "";
        return LimitReset.fromWire(value).orElseThrow(() -> KeyRequestException.badRequest(
                "limit_reset must be \"daily\", \"weekly\", \"monthly\" or null", "limit_reset"));
    }

    private static Instant expiresAt(JsonObject o) {
        String value = string(o, "expires_at");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw KeyRequestException.badRequest("expires_at must be an ISO-8601 time with offset, e.g. 2027-01-31T23:59:59Z",
                    "expires_at");
        }
    }
}
