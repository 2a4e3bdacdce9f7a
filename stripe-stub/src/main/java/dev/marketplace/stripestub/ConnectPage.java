package dev.marketplace.stripestub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hosted onboarding page an Account Link opens ({@code GET /connect/onboarding/{token}}). A link works once and
 * for {@link ConnectAccounts#LINK_TTL_SECONDS}: a used or expired link sends the browser to its
 * {@code refresh_url}, as Stripe does. Two buttons stand in for Stripe's forms: "Submit details" (id
 * {@code connect-submit}) completes onboarding, "Leave incomplete" ({@code connect-leave}) leaves requirements
 * due; either redirects (303) to the link's {@code return_url} after emitting {@code account.updated}.
 */
final class ConnectPage {

    static final String PATH = "/connect/onboarding/";

    private final StubState state;
    private final ConnectAccounts accounts;
    private final Consumer<List<Map<String, Object>>> deliver;

    ConnectPage(StubState state, ConnectAccounts accounts, Consumer<List<Map<String, Object>>> deliver) {
        this.state = state;
        this.accounts = accounts;
        this.deliver = deliver;
    }

    void serve(HttpExchange exchange, String method, String token, String body) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        String redirect;
        String html = null;
        synchronized (state) {
            ConnectAccounts.Link link = accounts.link(token);
            if (link == null) {
                throw StripeError.noSuch("account link", token, null);
            }
            if ("GET".equals(method)) {
                redirect = accounts.usable(link) ? null : link.refreshUrl;
                if (redirect == null) {
                    link.visited = true;
                    html = render(token, accounts.get(link.account));
                }
            } else if (!link.visited || link.completed) {
                redirect = link.refreshUrl;
            } else {
                String action = Params.parse(body).string("action");
                accounts.onboard(accounts.get(link.account), !"leave".equals(action), events);
                link.completed = true;
                redirect = link.returnUrl;
            }
        }
        deliver.accept(events);
        StubServer.page(exchange, redirect, html);
    }

    static String render(String token, Map<String, Object> account) {
        String action = PATH + token;
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Payout account onboarding"
                + " (Stripe stub)</title><style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;"
                + "color:#1a1f36}.box{border:1px solid #e3e8ee;border-radius:8px;padding:1.5rem}button{font-size:1rem;"
                + "padding:.6rem 1.2rem;margin:.3rem .3rem .3rem 0;border-radius:6px;border:1px solid #635bff;"
                + "background:#635bff;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#635bff}"
                + ".note{color:#697386;font-size:.85rem}</style></head><body><div class=\"box\">"
                + "<p class=\"note\">Stripe stub · Connect Express onboarding · test mode</p>"
                + "<h1 id=\"connect-title\">Set up payouts</h1><p>Account <code id=\"connect-account\">"
                + CheckoutPage.esc(account.get("id")) + "</code>"
                + (account.get("email") == null ? "" : " for " + CheckoutPage.esc(account.get("email")))
                + "</p><p>Stripe would ask here for the business, the representative and a bank account.</p>"
                + button(action, "submit", "Submit details", "connect-submit", false)
                + button(action, "leave", "Leave incomplete", "connect-leave", true)
                + "</div></body></html>";
    }

    private static String button(String action, String value, String label, String id, boolean secondary) {
        return "<form method=\"post\" action=\"" + action + "\" style=\"display:inline\"><input type=\"hidden\" "
                + "name=\"action\" value=\"" + value + "\"><button type=\"submit\" id=\"" + id + "\""
                + (secondary ? " class=\"secondary\"" : "") + ">" + label + "</button></form>";
    }
}
