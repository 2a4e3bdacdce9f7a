package dev.marketplace.onboarding.listings.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads of one {@code data[]} item that record a problem (never throw) when a field has the wrong shape. */
final class ItemFields {

    private final JsonObject item;
    private final int index;
    private final String modelId;
    private final List<ItemProblem> problems;

    ItemFields(JsonObject item, int index, String modelId, List<ItemProblem> problems) {
        this.item = item;
        this.index = index;
        this.modelId = modelId;
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(new ItemProblem(index, modelId, field, message));
    }

    boolean has(String field) {
        return item.containsKey(field) && item.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    Optional<String> string(String field, int maxLength) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!(item.get(field) instanceof JsonString text)) {
            problem(field, "must be a string, got " + kind(item.get(field)));
            return Optional.empty();
        }
        if (text.getString().length() > maxLength) {
            problem(field, "is longer than " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text.getString());
    }

    Optional<Long> integer(String field, long min, long max) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!(item.get(field) instanceof JsonNumber number) || !number.isIntegral()) {
            problem(field, "must be a whole number, got " + kind(item.get(field)));
            return Optional.empty();
        }
        try {
            long value = number.bigDecimalValue().longValueExact();
            if (value < min || value > max) {
                problem(field, "must be between " + min + " and " + max + ", got " + value);
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (ArithmeticException e) {
            problem(field, "is out of range");
            return Optional.empty();
        }
    }

    /** Strings from an array; {@code allowed} empty means any string matching a plain identifier. */
    List<String> strings(String field, Set<String> allowed, int maxItems) {
        if (!has(field)) {
            return List.of();
        }
        if (!(item.get(field) instanceof JsonArray array)) {
            problem(field, "must be an array of strings, got " + kind(item.get(field)));
            return List.of();
        }
        if (array.size() > maxItems) {
            problem(field, "has more than " + maxItems + " entries");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            String path = field + "[" + i + "]";
            if (!(value instanceof JsonString text)) {
                problem(path, "must be a string, got " + kind(value));
            } else if (!allowed.isEmpty() && !allowed.contains(text.getString())) {
                problem(path, "\"" + TokenPrices.abbreviate(text.getString()) + "\" is not one of " + allowed.stream().sorted().toList());
            } else if (allowed.isEmpty() && !text.getString().matches("[a-z0-9_.-]{1,64}")) {
                problem(path, "\"" + TokenPrices.abbreviate(text.getString()) + "\" is not a plain lower-case name");
            } else if (!values.contains(text.getString())) {
                values.add(text.getString());
            }
        }
        return List.copyOf(values);
    }

    Optional<JsonObject> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!(item.get(field) instanceof JsonObject object)) {
            problem(field, "must be an object, got " + kind(item.get(field)));
            return Optional.empty();
        }
        return Optional.of(object);
    }

    Optional<JsonArray> array(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!(item.get(field) instanceof JsonArray array)) {
            problem(field, "must be an array, got " + kind(item.get(field)));
            return Optional.empty();
        }
        return Optional.of(array);
    }

    static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }
}
