package dev.marketplace.stripestub;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /_stub/…}: what tests and engineers do to the stub that a real payer, bank or card network would do at
 * Stripe: pay a Checkout Session headless, refund or dispute a charge, close a dispute; plus the event log and the
 * webhook settings (duplicates, delay, reordering, URL). No authentication: the stub is local only.
 */
final class Control {

    private static final Pattern PATH = Pattern.compile("/_stub/([a-z_]+)/([A-Za-z0-9_]+)/([a-z_]+)");

    private final StubState state;
    private final Charging charging;
    private final CheckoutFlow checkout;
    private final Webhooks webhooks;

    Control(StubState state, Charging charging, CheckoutFlow checkout, Webhooks webhooks) {
        this.state = state;
        this.charging = charging;
        this.checkout = checkout;
        this.webhooks = webhooks;
    }

    Reply handle(String method, String path, Params query, String body) {
        if ("/_stub/events".equals(path) && "GET".equals(method)) {
            return Reply.ok(events(query), List.of());
        }
        if ("/_stub/config".equals(path)) {
            if ("POST".equals(method)) {
                configure(body == null || body.isBlank() ? null : JsonText.read(body), query);
            }
            return Reply.ok(config(webhooks.settings()), List.of());
        }
        if ("/_stub/health".equals(path)) {
            return Reply.ok(new LinkedHashMap<>(Map.of("status", "ok")), List.of());
        }
        Matcher m = PATH.matcher(path);
        if (!"POST".equals(method) || !m.matches()) {
            throw new StripeError(404, "invalid_request_error", null, "No stub control endpoint " + method + " "
                    + path, null, null);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        synchronized (state) {
            Map<String, Object> result = switch (m.group(1) + "/" + m.group(3)) {
                case "checkout/pay" -> pay(m.group(2), query, events);
                case "charges/refund" -> charging.refund(state.get(m.group(2), "charge", "id"),
                        query.longValue("amount"), query.string("reason"), null, events);
                case "charges/dispute" -> charging.dispute(state.get(m.group(2), "charge", "id"),
                        query.longValue("amount"), events);
                case "disputes/close" -> charging.closeDispute(state.get(m.group(2), "dispute", "id"),
                        wonOrLost(query.required("status")), events);
                default -> throw new StripeError(404, "invalid_request_error", null, "No stub control endpoint "
                        + path, null, null);
            };
            return Reply.ok(JsonText.copy(result), events);
        }
    }

    private Map<String, Object> pay(String sessionId, Params query, List<Map<String, Object>> events) {
        Map<String, Object> session = state.get(sessionId, "checkout.session", "id");
        CheckoutFlow.Attempt attempt = checkout.attempt(session, CheckoutFlow.Outcome.fromParam(query.string("outcome")),
                TestCard.fromParam(query.string("card")), events);
        Map<String, Object> out = CheckoutFlow.visible(attempt.session());
        out.put("stub_error", attempt.error());
        out.put("stub_success_redirect", "complete".equals(session.get("status"))
                ? CheckoutPage.successUrl(session) : null);
        return out;
    }

    private static boolean wonOrLost(String status) {
        return switch (status) {
            case "won" -> true;
            case "lost" -> false;
            default -> throw StripeError.invalid("status must be won or lost", "status");
        };
    }

    private Map<String, Object> events(Params query) {
        List<Map<String, Object>> all;
        synchronized (state) {
            all = state.events();
        }
        return eventLog(all, query, webhooks, false);
    }

    /**
     * Newest first, with their deliveries: the platform's events or the Connect events (those with an
     * {@code account}), which go to different endpoints.
     */
    static Map<String, Object> eventLog(List<Map<String, Object>> all, Params query, Webhooks webhooks,
                                        boolean connect) {
        String type = query.string("type");
        Long limit = query.longValue("limit");
        List<Object> data = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && (limit == null || data.size() < limit); i--) {
            Map<String, Object> event = all.get(i);
            if ((type == null || type.equals(event.get("type"))) && event.containsKey("account") == connect) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("event", JsonText.copy(event));
                entry.put("deliveries", webhooks.deliveriesOf((String) event.get("id")));
                data.add(entry);
            }
        }
        return Charging.list(connect ? "/_stub/connect/events" : "/_stub/events", data);
    }

    private void configure(JsonObject json, Params query) {
        webhooks.configure(configured(webhooks.settings(), json, query));
    }

    /** The delivery settings changed by a JSON body or query ({@code webhook_url}, {@code duplicates}, …). */
    static StubSettings configured(StubSettings now, JsonObject json, Params query) {
        String url = text(json, query, "webhook_url", now.webhookUrl());
        int duplicates = Integer.parseInt(text(json, query, "duplicates", Integer.toString(now.duplicates())));
        long delay = Long.parseLong(text(json, query, "delay_ms", Long.toString(now.delayMs())));
        boolean reorder = Boolean.parseBoolean(text(json, query, "reorder", Boolean.toString(now.reorder())));
        int attempts = Integer.parseInt(text(json, query, "max_attempts", Integer.toString(now.maxAttempts())));
        try {
            return now.withWebhooks(url, duplicates, delay, reorder, attempts);
        } catch (IllegalArgumentException e) {
            throw StripeError.invalid(e.getMessage(), null);
        }
    }

    private static String text(JsonObject json, Params query, String name, String fallback) {
        if (json != null && json.containsKey(name)) {
            Object value = JsonText.toJava(json.get(name));
            return value == null ? null : value.toString();
        }
        String fromQuery = query.string(name);
        return fromQuery != null ? fromQuery : fallback;
    }

    static Map<String, Object> config(StubSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("webhook_url", s.webhookUrl());
        out.put("duplicates", s.duplicates());
        out.put("delay_ms", s.delayMs());
        out.put("reorder", s.reorder());
        out.put("max_attempts", s.maxAttempts());
        out.put("api_base", s.baseUrl());
        return out;
    }
}
