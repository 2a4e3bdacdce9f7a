package dev.marketplace.stripestub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the stub knows, in memory: Stripe objects by id, balance transactions and events in creation order.
 * Callers hold the state's monitor ({@code synchronized (state)}) around a whole operation, so an operation and
 * the events it emits are atomic.
 */
final class StubState {

    static final int MAX_OBJECTS = 200_000;

    final Ids ids;
    final Clock clock;
    final String apiVersion;
    private final Map<String, Map<String, Object>> objects = new HashMap<>();
    private final List<Map<String, Object>> balanceTransactions = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();

    StubState(Ids ids, Clock clock, String apiVersion) {
        this.ids = ids;
        this.clock = clock;
        this.apiVersion = apiVersion;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** A new object with Stripe's common fields: id, object, created, livemode. */
    Map<String, Object> create(String idPrefix, String objectType) {
        if (objects.size() >= MAX_OBJECTS) {
            throw new StripeError(400, "invalid_request_error", "rate_limit",
                    "The stub holds " + MAX_OBJECTS + " objects; restart it", null, null);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", ids.next(idPrefix));
        object.put("object", objectType);
        object.put("created", now());
        object.put("livemode", false);
        objects.put((String) object.get("id"), object);
        if ("balance_transaction".equals(objectType)) {
            balanceTransactions.add(object);
        }
        return object;
    }

    /** The stored object (live: changes are kept), or a 404 in Stripe's words. */
    Map<String, Object> get(String id, String objectType, String param) {
        Map<String, Object> object = id == null ? null : objects.get(id);
        if (object == null || !objectType.equals(object.get("object"))) {
            throw StripeError.noSuch(objectType, id, param);
        }
        return object;
    }

    Map<String, Object> find(String id) {
        return objects.get(id);
    }

    /** Newest first, as Stripe lists. */
    List<Map<String, Object>> balanceTransactionsNewestFirst() {
        List<Map<String, Object>> out = new ArrayList<>(balanceTransactions);
        java.util.Collections.reverse(out);
        return out;
    }

    List<Map<String, Object>> objectsOfType(String objectType) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : objects.values()) {
            if (objectType.equals(o.get("object"))) {
                out.add(o);
            }
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> o) -> (String) o.get("id")).reversed());
        return out;
    }

    /** A new event envelope around a snapshot of {@code object}; delivery is the caller's business. */
    Map<String, Object> event(String type, Map<String, Object> object) {
        Map<String, Object> event = create("evt", "event");
        event.put("api_version", apiVersion);
        event.put("data", new LinkedHashMap<>(Map.of("object", JsonText.copy(object))));
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        events.add(event);
        return event;
    }

    List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }
}
