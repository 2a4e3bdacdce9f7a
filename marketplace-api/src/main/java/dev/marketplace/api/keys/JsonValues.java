package dev.marketplace.api.keys;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;

/** How money and times leave the account and key endpoints: USD numbers with six decimals, ISO-8601 instants. */
public final class JsonValues {
    private JsonValues() {
    }

    public static JsonValue usd(long micros) {
        return Json.createValue(BigDecimal.valueOf(micros, 6));
    }

    public static JsonValue usdOrNull(Long micros) {
        return micros == null ? JsonValue.NULL : usd(micros);
    }

    public static JsonValue time(Instant at) {
        return at == null ? JsonValue.NULL : Json.createValue(at.toString());
    }

    public static JsonValue text(String s) {
        return s == null ? JsonValue.NULL : Json.createValue(s);
    }
}
