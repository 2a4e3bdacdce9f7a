package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connect's part of the stub. {@code /v1/accounts} (create an Express account, retrieve one) and
 * {@code /v1/account_links} as Stripe answers them; and {@code /_stub/connect/…}, what Stripe or the account holder
 * would do: onboard headless, change the transfers capability, pay out to the bank, plus the Connect endpoint's
 * event log and delivery settings. Connect events go to the Connect webhooks.
 */
final class ConnectApi {

    private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/(acct_[A-Za-z0-9]+)");
    private static final Pattern CONTROL = Pattern.compile("/_stub/connect/accounts/(acct_[A-Za-z0-9]+)/([a-z]+)");

    private final StubState state;
    private final ConnectAccounts accounts;
    private final Webhooks webhooks;

    ConnectApi(StubState state, ConnectAccounts accounts, Webhooks webhooks) {
        this.state = state;
        this.accounts = accounts;
        this.webhooks = webhooks;
    }

    static boolean handles(String path) {
        return path.equals("/v1/accounts") || path.startsWith("/v1/accounts/") || path.equals("/v1/account_links")
                || path.startsWith("/_stub/connect/");
    }

    Reply handle(String method, String path, Params p, String body) {
        if (path.startsWith("/_stub/connect/")) {
            return control(method, path, p, body);
        }
        synchronized (state) {
            if ("POST".equals(method) && "/v1/accounts".equals(path)) {
                return Reply.ok(JsonText.copy(accounts.create(p)), List.of());
            }
            if ("POST".equals(method) && "/v1/account_links".equals(path)) {
                return Reply.ok(accounts.createLink(p), List.of());
            }
            Matcher m = ACCOUNT.matcher(path);
            if ("GET".equals(method) && m.matches()) {
                return Reply.ok(JsonText.copy(accounts.get(m.group(1))), List.of());
            }
        }
        throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                + "). The Stripe stub implements only what the marketplace uses; see its README.", null, null);
    }

    private Reply control(String method, String path, Params query, String body) {
        if ("/_stub/connect/events".equals(path) && "GET".equals(method)) {
            List<Map<String, Object>> all;
            synchronized (state) {
                all = state.events();
            }
            return Reply.ok(Control.eventLog(all, query, webhooks, true), List.of());
        }
        if ("/_stub/connect/config".equals(path)) {
            if ("POST".equals(method)) {
                webhooks.configure(Control.configured(webhooks.settings(),
                        body == null || body.isBlank() ? null : JsonText.read(body), query));
            }
            Map<String, Object> config = Control.config(webhooks.settings());
            return Reply.ok(config, List.of());
        }
        Matcher m = CONTROL.matcher(path);
        if (!"POST".equals(method) || !m.matches()) {
            throw new StripeError(404, "invalid_request_error", null, "No stub control endpoint " + method + " "
                    + path, null, null);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        synchronized (state) {
            Map<String, Object> account = accounts.get(m.group(1));
            Map<String, Object> result = switch (m.group(2)) {
                case "onboard" -> {
                    accounts.onboard(account, !"incomplete".equals(query.string("outcome")), events);
                    yield account;
                }
                case "capabilities" -> {
                    String due = query.string("requirements");
                    accounts.setTransfers(account, query.required("transfers"),
                            due == null ? null : Arrays.asList(due.split(",")), events);
                    yield account;
                }
                case "payouts" -> accounts.payout(account, !"failed".equals(query.string("status")),
                        query.longValue("amount") == null ? 1000 : query.longValue("amount"), events);
                default -> throw new StripeError(404, "invalid_request_error", null, "No stub control endpoint "
                        + path, null, null);
            };
            return Reply.ok(JsonText.copy(result), events);
        }
    }
}
