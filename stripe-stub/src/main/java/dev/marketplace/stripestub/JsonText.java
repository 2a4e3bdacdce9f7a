package dev.marketplace.stripestub;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stripe objects are kept as ordered maps; this turns them into JSON text (JSON-P) and copies them deeply. */
final class JsonText {

    private JsonText() {
    }

    static String write(Map<String, ?> object) {
        return Json.createObjectBuilder(object).build().toString();
    }

    static String writeList(List<?> values) {
        return Json.createArrayBuilder(values).build().toString();
    }

    static JsonObject read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A deep copy, so a response or an event payload never changes when the stored object does later. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    /** JSON-P value → plain Java (Map, List, String, Long/BigDecimal, Boolean, null). */
    static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> out.put(k, toJava(v)));
                yield out;
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                value.asJsonArray().forEach(v -> out.add(toJava(v)));
                yield out;
            }
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> {
                jakarta.json.JsonNumber n = (jakarta.json.JsonNumber) value;
                yield n.isIntegral() ? (Object) n.longValueExact() : n.bigDecimalValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
