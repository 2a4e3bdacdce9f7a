package dev.marketplace.stripestub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request parameters as Stripe's v1 API takes them: form or query encoded, nested with brackets
 * ({@code line_items[0][price_data][currency]=usd}, {@code metadata[k]=v}, {@code expand[0]=x}). Values stay
 * strings, as on the wire; maps whose keys are all indexes become lists.
 */
final class Params {

    static final int MAX_PAIRS = 1000;

    private final Map<String, Object> root;
    /** The decoded pairs sorted by key: the fingerprint that idempotency compares. */
    private final String canonical;

    private Params(Map<String, Object> root, String canonical) {
        this.root = root;
        this.canonical = canonical;
    }

    static Params parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            String[] pairs = encoded.split("&");
            if (pairs.length > MAX_PAIRS) {
                throw StripeError.invalid("Too many parameters (at most " + MAX_PAIRS + ")", null);
            }
            for (String pair : pairs) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                sorted.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                put(root, path(key), value);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = (Map<String, Object>) listify(root);
        return new Params(listed, sorted.toString());
    }

    String canonical() {
        return canonical;
    }

    Map<String, Object> asMap() {
        return root;
    }

    String string(String name) {
        Object value = root.get(name);
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    String required(String name) {
        String value = string(name);
        if (value == null) {
            throw StripeError.missingParam(name);
        }
        return value;
    }

    Long longValue(String name) {
        return toLong(string(name), name);
    }

    boolean bool(String name) {
        return "true".equals(string(name));
    }

    Map<String, Object> map(String name) {
        return mapOf(root.get(name), name);
    }

    List<Object> list(String name) {
        Object value = root.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw StripeError.invalid("Invalid array", name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(Object value, String name) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw StripeError.invalid("Invalid hash", name);
    }

    static Long toLong(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid("Invalid integer: " + value, name);
        }
    }

    /** {@code a[b][0]} → [a, b, 0]. */
    private static List<String> path(String key) {
        List<String> parts = new ArrayList<>();
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            parts.add(key);
            return parts;
        }
        parts.add(key.substring(0, bracket));
        int i = bracket;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw StripeError.invalid("Malformed parameter name " + key, key);
            }
            parts.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String part = path.get(i);
            Object child = node.get(part);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(part, child);
            }
            node = (Map<String, Object>) child;
        }
        String last = path.get(path.size() - 1);
        node.put(last.isEmpty() ? Integer.toString(node.size()) : last, value);
    }

    @SuppressWarnings("unchecked")
    private static Object listify(Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            return value;
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        boolean indexed = !map.isEmpty() && map.keySet().stream().allMatch(k -> k.matches("[0-9]{1,4}"));
        if (indexed) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt(k), listify(v)));
            return new ArrayList<>(ordered.values());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, listify(v)));
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
