package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /v1} endpoints the marketplace's Stripe SDK calls, answering in Stripe's JSON shapes: Checkout
 * Sessions, customers, payment methods, payment intents (off-session confirmation with a saved card), setup
 * intents, charges, refunds, disputes, balance transactions (paged) and events. {@code expand[]} is honoured for
 * fields that hold an id. Authentication and idempotency are the server's business.
 */
final class RestApi {

    static final int MAX_PAGE = 100;
    private static final Pattern ID = Pattern.compile("/v1/([a-z_/]+?)/([A-Za-z0-9_]+)(/[a-z_]+)?");

    private final StubState state;
    private final Charging charging;
    private final CheckoutFlow checkout;

    RestApi(StubState state, Charging charging, CheckoutFlow checkout) {
        this.state = state;
        this.charging = charging;
        this.checkout = checkout;
    }

    Reply handle(String method, String path, Params p) {
        List<Map<String, Object>> events = new ArrayList<>();
        synchronized (state) {
            Map<String, Object> body = route(method, path, p, events);
            return Reply.ok(expand(body, p), events);
        }
    }

    private Map<String, Object> route(String method, String path, Params p, List<Map<String, Object>> events) {
        if ("POST".equals(method)) {
            return switch (path) {
                case "/v1/checkout/sessions" -> CheckoutFlow.visible(checkout.create(p));
                case "/v1/customers" -> charging.createCustomer(p.string("email"), p.string("name"),
                        p.map("metadata"), events);
                case "/v1/payment_intents" -> createPaymentIntent(p, events);
                case "/v1/refunds" -> createRefund(p, events);
                default -> byId(method, path, p, events);
            };
        }
        if ("GET".equals(method)) {
            return switch (path) {
                case "/v1/balance_transactions" -> page("/v1/balance_transactions",
                        filterTransactions(state.balanceTransactionsNewestFirst(), p), p);
                case "/v1/payment_methods" -> paymentMethods(p.required("customer"), p);
                default -> byId(method, path, p, events);
            };
        }
        throw unknown(method, path);
    }

    private Map<String, Object> byId(String method, String path, Params p, List<Map<String, Object>> events) {
        Matcher m = ID.matcher(path);
        if (!m.matches()) {
            throw unknown(method, path);
        }
        String resource = m.group(1);
        String id = m.group(2);
        String sub = m.group(3);
        if ("GET".equals(method) && sub == null) {
            return switch (resource) {
                case "checkout/sessions" -> CheckoutFlow.visible(state.get(id, "checkout.session", "id"));
                case "customers" -> state.get(id, "customer", "id");
                case "payment_methods" -> state.get(id, "payment_method", "id");
                case "payment_intents" -> state.get(id, "payment_intent", "id");
                case "setup_intents" -> state.get(id, "setup_intent", "id");
                case "charges" -> state.get(id, "charge", "id");
                case "refunds" -> state.get(id, "refund", "id");
                case "disputes" -> state.get(id, "dispute", "id");
                case "balance_transactions" -> state.get(id, "balance_transaction", "id");
                case "events" -> state.get(id, "event", "id");
                default -> throw unknown(method, path);
            };
        }
        if ("GET".equals(method) && "checkout/sessions".equals(resource) && "/line_items".equals(sub)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) state.get(id, "checkout.session", "id")
                    .get("_line_items");
            return page(path, items, p);
        }
        if ("GET".equals(method) && "customers".equals(resource) && "/payment_methods".equals(sub)) {
            return paymentMethods(id, p);
        }
        if ("POST".equals(method) && "payment_intents".equals(resource) && "/confirm".equals(sub)) {
            Map<String, Object> pi = state.get(id, "payment_intent", "id");
            return confirm(pi, p.string("payment_method") != null ? p.string("payment_method")
                    : (String) pi.get("payment_method"), events);
        }
        throw unknown(method, path);
    }

    private Map<String, Object> createPaymentIntent(Params p, List<Map<String, Object>> events) {
        Long amount = p.longValue("amount");
        if (amount == null) {
            throw StripeError.missingParam("amount");
        }
        String currency = p.required("currency").toLowerCase(java.util.Locale.ROOT);
        String customer = p.string("customer");
        if (customer != null) {
            state.get(customer, "customer", "customer");
        }
        Map<String, Object> pi = charging.newPaymentIntent(amount, currency, customer, p.string("description"),
                p.map("metadata"), p.string("setup_future_usage"));
        String pmId = p.string("payment_method");
        if (pmId != null) {
            pi.put("payment_method", pmId);
        }
        if (!p.bool("confirm")) {
            pi.put("status", pmId == null ? "requires_payment_method" : "requires_confirmation");
            events.add(state.event("payment_intent.created", pi));
            return pi;
        }
        events.add(state.event("payment_intent.created", pi));
        return confirm(pi, pmId, events);
    }

    private Map<String, Object> confirm(Map<String, Object> pi, String pmId, List<Map<String, Object>> events) {
        if (pmId == null) {
            throw new StripeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method.",
                    "payment_method", null);
        }
        if ("succeeded".equals(pi.get("status"))) {
            throw new StripeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "This PaymentIntent's status is succeeded, so it cannot be confirmed.", null, null);
        }
        Map<String, Object> pm = state.get(pmId, "payment_method", "payment_method");
        Object owner = pm.get("customer");
        if (owner != null && pi.get("customer") != null && !owner.equals(pi.get("customer"))) {
            throw StripeError.invalid("The provided PaymentMethod belongs to another customer", "payment_method");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) pm.get("card");
        StripeError error = charging.confirm(pi, pm, TestCard.ofLast4(card.get("last4")), events);
        if (error != null) {
            // the events of the failure are delivered although the answer is an error
            throw new DeclineWithEvents(error, events);
        }
        return pi;
    }

    private Map<String, Object> createRefund(Params p, List<Map<String, Object>> events) {
        String chargeId = p.string("charge");
        if (chargeId == null) {
            String piId = p.string("payment_intent");
            if (piId == null) {
                throw StripeError.missingParam("charge");
            }
            chargeId = (String) state.get(piId, "payment_intent", "payment_intent").get("latest_charge");
        }
        Map<String, Object> charge = state.get(chargeId, "charge", "charge");
        return charging.refund(charge, p.longValue("amount"), p.string("reason"), p.map("metadata"), events);
    }

    private Map<String, Object> paymentMethods(String customerId, Params p) {
        state.get(customerId, "customer", "customer");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> pm : state.objectsOfType("payment_method")) {
            if (customerId.equals(pm.get("customer"))) {
                mine.add(pm);
            }
        }
        return page("/v1/customers/" + customerId + "/payment_methods", mine, p);
    }

    private static List<Map<String, Object>> filterTransactions(List<Map<String, Object>> all, Params p) {
        String type = p.string("type");
        String source = p.string("source");
        Map<String, Object> created = p.map("created");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> txn : all) {
            long at = (Long) txn.get("created");
            if ((type == null || type.equals(txn.get("type"))) && (source == null || source.equals(txn.get("source")))
                    && within(at, created)) {
                out.add(txn);
            }
        }
        return out;
    }

    private static boolean within(long at, Map<String, Object> created) {
        Long gte = Params.toLong((String) created.get("gte"), "created[gte]");
        Long gt = Params.toLong((String) created.get("gt"), "created[gt]");
        Long lte = Params.toLong((String) created.get("lte"), "created[lte]");
        Long lt = Params.toLong((String) created.get("lt"), "created[lt]");
        return (gte == null || at >= gte) && (gt == null || at > gt) && (lte == null || at <= lte)
                && (lt == null || at < lt);
    }

    /** Stripe's cursor paging over a list already in Stripe's order: limit, starting_after, ending_before. */
    static Map<String, Object> page(String url, List<Map<String, Object>> all, Params p) {
        Long limitParam = p.longValue("limit");
        long limit = limitParam == null ? 10 : limitParam;
        if (limit < 1 || limit > MAX_PAGE) {
            throw StripeError.invalid("limit must be between 1 and " + MAX_PAGE, "limit");
        }
        int from = 0;
        int to = all.size();
        String after = p.string("starting_after");
        String before = p.string("ending_before");
        if (after != null) {
            from = indexOf(all, after, "starting_after") + 1;
        } else if (before != null) {
            to = indexOf(all, before, "ending_before");
            from = (int) Math.max(0, to - limit);
        }
        int end = (int) Math.min(to, from + limit);
        List<Map<String, Object>> data = new ArrayList<>(all.subList(from, end));
        Map<String, Object> list = Charging.list(url, data);
        list.put("has_more", before != null ? from > 0 : end < to);
        return list;
    }

    private static int indexOf(List<Map<String, Object>> all, String id, String param) {
        for (int i = 0; i < all.size(); i++) {
            if (id.equals(all.get(i).get("id"))) {
                return i;
            }
        }
        throw StripeError.invalid("No such object: '" + id + "'", param);
    }

    /** A copy of {@code body} with each {@code expand[]} path's id replaced by the object it names. */
    private Map<String, Object> expand(Map<String, Object> body, Params p) {
        Map<String, Object> copy = JsonText.copy(body);
        copy.keySet().removeIf(k -> k.startsWith("_"));
        for (Object path : p.list("expand")) {
            expandPath(copy, String.valueOf(path).split("\\."), 0);
        }
        return copy;
    }

    private void expandPath(Map<String, Object> object, String[] path, int i) {
        if ("data".equals(path[i]) && object.get("data") instanceof List<?> items && i + 1 < path.length) {
            for (Object item : items) {
                if (item instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) item;
                    expandPath(map, path, i + 1);
                }
            }
            return;
        }
        Object value = object.get(path[i]);
        if (value instanceof String id && state.find(id) != null) {
            Map<String, Object> expanded = JsonText.copy(state.find(id));
            expanded.keySet().removeIf(k -> k.startsWith("_"));
            object.put(path[i], expanded);
            value = expanded;
        }
        if (i + 1 < path.length && value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            expandPath(map, path, i + 1);
        }
    }

    private static StripeError unknown(String method, String path) {
        return new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": "
                + path + "). The Stripe stub implements only what the marketplace uses; see its README.", null, null);
    }

    /** A card error whose events (payment_intent.payment_failed, charge.failed) must still be delivered. */
    static final class DeclineWithEvents extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient StripeError error;
        final transient List<Map<String, Object>> events;

        DeclineWithEvents(StripeError error, List<Map<String, Object>> events) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.events = events;
        }
    }
}
