package dev.marketplace.stripestub;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML of the stub's hosted Checkout page: what is being bought and for how much, and buttons standing in for
 * a card form. Payment mode: "Pay" succeeds, "Decline" shows the decline and stays, "Needs action" shows an
 * authentication step that then succeeds or fails. Setup mode: choose which test card's behaviour to save.
 */
final class CheckoutPage {

    private CheckoutPage() {
    }

    static String render(Map<String, Object> session, String error, boolean authenticating) {
        String id = (String) session.get("id");
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checkout (Stripe stub)"
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;color:#1a1f36}"
                + ".box{border:1px solid #e3e8ee;border-radius:8px;padding:1.5rem}.amount{font-size:2rem;"
                + "font-weight:600}.error{color:#df1b41;margin:1rem 0}button{font-size:1rem;padding:.6rem 1.2rem;"
                + "margin:.3rem .3rem .3rem 0;border-radius:6px;border:1px solid #635bff;background:#635bff;"
                + "color:#fff;cursor:pointer}button.secondary{background:#fff;color:#635bff}.note{color:#697386;"
                + "font-size:.85rem}</style></head><body><div class=\"box\">");
        html.append("<p class=\"note\">Stripe stub · test mode · no real money</p>");
        if (!"open".equals(session.get("status"))) {
            html.append("<h1 id=\"status\">This Checkout Session is ").append(esc(session.get("status")))
                    .append("</h1><p><a id=\"continue\" href=\"").append(esc(successUrl(session)))
                    .append("\">Continue</a></p>");
            return html.append("</div></body></html>").toString();
        }
        boolean setup = "setup".equals(session.get("mode"));
        html.append("<h1 id=\"description\">").append(esc(description(session))).append("</h1>");
        if (!setup) {
            html.append("<p class=\"amount\" id=\"amount\">").append(esc(money(session))).append("</p>");
        }
        if (error != null) {
            html.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        String action = "/checkout/" + id;
        if (authenticating) {
            html.append("<h2 id=\"authentication\">Authenticate this payment</h2><p>Your bank asks you to confirm"
                    + " this payment (3D Secure test).</p>")
                    .append(form(action, "authenticate_ok", "Complete authentication", "authenticate-ok", false))
                    .append(form(action, "authenticate_fail", "Fail authentication", "authenticate-fail", true));
        } else if (setup) {
            html.append("<form method=\"post\" action=\"").append(action).append("\"><input type=\"hidden\" "
                    + "name=\"action\" value=\"save\"><p><label for=\"card\">Test card to save</label> <select "
                    + "id=\"card\" name=\"card\">");
            for (TestCard card : TestCard.values()) {
                html.append("<option value=\"").append(card.param()).append("\">•••• ").append(card.last4)
                        .append(" — ").append(card.label).append("</option>");
            }
            html.append("</select></p><button id=\"save\" type=\"submit\">Save card</button></form>");
        } else {
            html.append(form(action, "pay", "Pay " + money(session), "pay", false))
                    .append(form(action, "decline", "Decline", "decline", true))
                    .append(form(action, "action", "Needs action", "needs-action", true));
        }
        Object cancel = session.get("cancel_url");
        if (cancel != null) {
            html.append("<p><a id=\"cancel\" href=\"").append(esc(cancel)).append("\">Cancel and go back</a></p>");
        }
        return html.append("</div></body></html>").toString();
    }

    static String successUrl(Map<String, Object> session) {
        return ((String) session.get("success_url")).replace("{CHECKOUT_SESSION_ID}", (String) session.get("id"));
    }

    private static String form(String action, String value, String label, String id, boolean secondary) {
        return "<form method=\"post\" action=\"" + action + "\" style=\"display:inline\"><input type=\"hidden\" "
                + "name=\"action\" value=\"" + value + "\"><button type=\"submit\" id=\"" + id + "\""
                + (secondary ? " class=\"secondary\"" : "") + ">" + esc(label) + "</button></form>";
    }

    private static String description(Map<String, Object> session) {
        if ("setup".equals(session.get("mode"))) {
            return "Save a card for later payments";
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) session.get("_line_items");
        return items == null || items.isEmpty() ? "Payment" : String.valueOf(items.get(0).get("description"));
    }

    private static String money(Map<String, Object> session) {
        long cents = (Long) session.get("amount_total");
        String currency = String.valueOf(session.get("currency")).toUpperCase(Locale.ROOT);
        return ("USD".equals(currency) ? "$" : currency + " ") + BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
