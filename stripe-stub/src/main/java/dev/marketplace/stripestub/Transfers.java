package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connect transfers and the balance: {@code POST /v1/transfers}, {@code GET /v1/transfers/{id}},
 * {@code GET /v1/transfers?transfer_group=&destination=&limit=&starting_after=} (newest first, paged),
 * {@code POST /v1/transfers/{id}/reversals}, {@code GET /v1/balance}; control: {@code POST
 * /_stub/transfers/{id}/reverse?amount=} (as if the platform reversed it in the dashboard: emits
 * {@code transfer.reversed}). Each transfer and reversal is a balance transaction (type {@code transfer} /
 * {@code transfer_refund}). Any well-formed {@code acct_…} destination is accepted for now: Connect accounts are
 * built in the stub in parallel and do not exist here yet. The balance is not enforced: a transfer without
 * {@code source_transaction} is accepted even when the available balance is short (Stripe would answer
 * {@code balance_insufficient}).
 */
final class Transfers {

    private static final Pattern TRANSFER = Pattern.compile("/v1/transfers/([A-Za-z0-9_]+)(/reversals)?");
    private static final Pattern CONTROL = Pattern.compile("/_stub/transfers/([A-Za-z0-9_]+)/reverse");
    private static final Pattern ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]+");

    private final StubState state;
    private final Charging charging;

    Transfers(StubState state, Charging charging) {
        this.state = state;
        this.charging = charging;
    }

    static boolean handles(String path) {
        return path.equals("/v1/transfers") || path.startsWith("/v1/transfers/") || path.equals("/v1/balance")
                || CONTROL.matcher(path).matches();
    }

    Reply handle(String method, String path, Params p) {
        List<Map<String, Object>> events = new ArrayList<>();
        synchronized (state) {
            return Reply.ok(JsonText.copy(route(method, path, p, events)), events);
        }
    }

    private Map<String, Object> route(String method, String path, Params p, List<Map<String, Object>> events) {
        if ("/v1/balance".equals(path) && "GET".equals(method)) {
            return balance();
        }
        if ("/v1/transfers".equals(path)) {
            return "POST".equals(method) ? create(p, events) : list(p);
        }
        Matcher control = CONTROL.matcher(path);
        if (control.matches() && "POST".equals(method)) {
            return reverse(state.get(control.group(1), "transfer", "id"), p.longValue("amount"), p.map("metadata"),
                    events, true);
        }
        Matcher m = TRANSFER.matcher(path);
        if (m.matches()) {
            Map<String, Object> transfer = state.get(m.group(1), "transfer", "id");
            if (m.group(2) == null && "GET".equals(method)) {
                return transfer;
            }
            if (m.group(2) != null && "POST".equals(method)) {
                return reverse(transfer, p.longValue("amount"), p.map("metadata"), events, false);
            }
        }
        throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                + ")", null, null);
    }

    private Map<String, Object> create(Params p, List<Map<String, Object>> events) {
        Long amount = p.longValue("amount");
        if (amount == null) {
            throw StripeError.missingParam("amount");
        }
        if (amount <= 0) {
            throw StripeError.invalid("Invalid positive integer", "amount");
        }
        String currency = p.required("currency").toLowerCase(java.util.Locale.ROOT);
        String destination = p.required("destination");
        if (!ACCOUNT.matcher(destination).matches()) {
            throw StripeError.noSuch("destination", destination, "destination");
        }
        String source = p.string("source_transaction");
        if (source != null) {
            Map<String, Object> charge = state.get(source, "charge", "source_transaction");
            if (amount > (Long) charge.get("amount")) {
                throw StripeError.invalid("Transfer amount exceeds the source transaction's amount", "amount");
            }
        }
        Map<String, Object> transfer = state.create("tr", "transfer");
        transfer.put("amount", amount);
        transfer.put("amount_reversed", 0L);
        transfer.put("currency", currency);
        transfer.put("description", p.string("description"));
        transfer.put("destination", destination);
        transfer.put("metadata", p.map("metadata"));
        transfer.put("reversals", Charging.list("/v1/transfers/" + transfer.get("id") + "/reversals", new ArrayList<>()));
        transfer.put("reversed", false);
        transfer.put("source_transaction", source);
        transfer.put("source_type", "card");
        transfer.put("transfer_group", p.string("transfer_group"));
        Map<String, Object> txn = charging.balanceTransaction(-amount, 0, "transfer", "transfer",
                (String) transfer.get("id"), currency, null);
        transfer.put("balance_transaction", txn.get("id"));
        events.add(state.event("transfer.created", transfer));
        return transfer;
    }

    private Map<String, Object> list(Params p) {
        String group = p.string("transfer_group");
        String destination = p.string("destination");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> t : state.objectsOfType("transfer")) {
            if ((group == null || group.equals(t.get("transfer_group")))
                    && (destination == null || destination.equals(t.get("destination")))) {
                out.add(t);
            }
        }
        return RestApi.page("/v1/transfers", out, p);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reverse(Map<String, Object> transfer, Long amountParam, Map<String, Object> metadata,
                                        List<Map<String, Object>> events, boolean reversalObjectAnswer) {
        long amount = (Long) transfer.get("amount");
        long reversed = (Long) transfer.get("amount_reversed");
        long reverse = amountParam == null ? amount - reversed : amountParam;
        if (reverse <= 0 || reversed + reverse > amount) {
            throw StripeError.invalid("Transfer " + transfer.get("id") + " has " + (amount - reversed)
                    + " left to reverse", "amount");
        }
        Map<String, Object> reversal = state.create("trr", "transfer_reversal");
        reversal.put("amount", reverse);
        reversal.put("currency", transfer.get("currency"));
        reversal.put("metadata", metadata);
        reversal.put("transfer", transfer.get("id"));
        Map<String, Object> txn = charging.balanceTransaction(reverse, 0, "transfer_refund", "transfer_reversal",
                (String) reversal.get("id"), (String) transfer.get("currency"), null);
        reversal.put("balance_transaction", txn.get("id"));
        transfer.put("amount_reversed", reversed + reverse);
        transfer.put("reversed", reversed + reverse == amount);
        ((List<Object>) ((Map<String, Object>) transfer.get("reversals")).get("data")).add(0, reversal);
        events.add(state.event("transfer.reversed", transfer));
        return reversalObjectAnswer ? transfer : reversal;
    }

    /** Available: balance transactions whose available_on has passed; pending: the rest (Stripe's two buckets). */
    private Map<String, Object> balance() {
        long now = state.now();
        long available = 0;
        long pending = 0;
        for (Map<String, Object> txn : state.balanceTransactionsNewestFirst()) {
            if (!"usd".equals(txn.get("currency"))) {
                continue;
            }
            long net = (Long) txn.get("net");
            boolean negative = net < 0; // money leaving is taken from the available balance at once
            if (negative || (Long) txn.get("available_on") <= now) {
                available += net;
            } else {
                pending += net;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "balance");
        out.put("available", List.of(amount(available)));
        out.put("livemode", false);
        out.put("pending", List.of(amount(pending)));
        return out;
    }

    private static Map<String, Object> amount(long cents) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("amount", cents);
        a.put("currency", "usd");
        a.put("source_types", new LinkedHashMap<>(Map.of("card", cents)));
        return a;
    }
}
