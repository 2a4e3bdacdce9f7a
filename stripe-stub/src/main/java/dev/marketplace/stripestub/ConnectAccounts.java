package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Connect Express accounts and their Account Links, in Stripe's shapes: an account starts with its onboarding
 * requirements due and the {@code transfers} capability inactive; the hosted onboarding (or a control call) either
 * completes it (details submitted, charges and payouts enabled, transfers active) or leaves it incomplete
 * (requirements still due, transfers pending). Every change emits {@code account.updated} with {@code account}
 * set, which the server delivers to the Connect endpoint. Callers hold the state's monitor.
 */
final class ConnectAccounts {

    /** Account Links are short-lived at Stripe (minutes); the stub's live five. */
    static final long LINK_TTL_SECONDS = 300;
    static final List<String> ONBOARDING_REQUIREMENTS = List.of("business_profile.url", "external_account",
            "individual.dob.day", "individual.first_name", "individual.last_name", "tos_acceptance.date");
    static final List<String> LEFT_INCOMPLETE = List.of("external_account", "individual.verification.document");
    static final List<String> CAPABILITY_STATUSES = List.of("inactive", "pending", "active");

    /** One Account Link: single use (a second visit goes to {@code refresh_url}), expiring. */
    static final class Link {
        final String account;
        final String refreshUrl;
        final String returnUrl;
        final long expiresAt;
        boolean visited;
        boolean completed;

        Link(String account, String refreshUrl, String returnUrl, long expiresAt) {
            this.account = account;
            this.refreshUrl = refreshUrl;
            this.returnUrl = returnUrl;
            this.expiresAt = expiresAt;
        }
    }

    private final StubState state;
    private final String baseUrl;
    private final Map<String, Link> links = new HashMap<>();

    ConnectAccounts(StubState state, String baseUrl) {
        this.state = state;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> create(Params p) {
        String type = p.string("type");
        if (!"express".equals(type)) {
            throw StripeError.invalid("The Stripe stub creates only Express accounts (type=express)", "type");
        }
        Map<String, Object> capabilities = new LinkedHashMap<>();
        for (Map.Entry<String, Object> requested : p.map("capabilities").entrySet()) {
            if ("true".equals(Params.mapOf(requested.getValue(), "capabilities").get("requested"))) {
                capabilities.put(requested.getKey(), "inactive");
            }
        }
        if (capabilities.isEmpty()) {
            throw StripeError.invalid("Express accounts need at least one capability requested, e.g."
                    + " capabilities[transfers][requested]=true", "capabilities");
        }
        Map<String, Object> account = state.create("acct", "account");
        account.put("business_profile", businessProfile());
        account.put("business_type", null);
        account.put("capabilities", capabilities);
        account.put("charges_enabled", false);
        account.put("controller", controller());
        String country = p.string("country") == null ? "US" : p.string("country").toUpperCase(Locale.ROOT);
        account.put("country", country);
        account.put("default_currency", "usd");
        account.put("details_submitted", false);
        account.put("email", p.string("email"));
        account.put("external_accounts", Charging.list("/v1/accounts/" + account.get("id") + "/external_accounts",
                new ArrayList<>()));
        account.put("future_requirements", requirements(List.of(), null));
        account.put("metadata", p.map("metadata"));
        account.put("payouts_enabled", false);
        account.put("requirements", requirements(ONBOARDING_REQUIREMENTS, "requirements.past_due"));
        account.put("tos_acceptance", new LinkedHashMap<>(Map.of()));
        account.put("type", "express");
        return account;
    }

    Map<String, Object> get(String id) {
        return state.get(id, "account", "account");
    }

    Map<String, Object> createLink(Params p) {
        Map<String, Object> account = get(p.required("account"));
        String type = p.required("type");
        if (!"account_onboarding".equals(type) && !"account_update".equals(type)) {
            throw StripeError.invalid("type must be account_onboarding or account_update", "type");
        }
        String refreshUrl = p.required("refresh_url");
        String returnUrl = p.required("return_url");
        long now = state.now();
        String token = state.ids.next("acctlink");
        links.put(token, new Link((String) account.get("id"), refreshUrl, returnUrl, now + LINK_TTL_SECONDS));
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("object", "account_link");
        link.put("created", now);
        link.put("expires_at", now + LINK_TTL_SECONDS);
        link.put("url", baseUrl + ConnectPage.PATH + token);
        return link;
    }

    /** The link behind a token, or {@code null}. */
    Link link(String token) {
        return links.get(token);
    }

    boolean usable(Link link) {
        return !link.visited && state.now() < link.expiresAt;
    }

    /** What the person on the onboarding page chose: everything submitted, or left with requirements due. */
    void onboard(Map<String, Object> account, boolean complete, List<Map<String, Object>> events) {
        if (complete) {
            account.put("details_submitted", true);
            account.put("charges_enabled", true);
            account.put("payouts_enabled", true);
            setCapabilities(account, "active");
            account.put("requirements", requirements(List.of(), null));
        } else {
            setCapabilities(account, "pending");
            account.put("requirements", requirements(LEFT_INCOMPLETE, "requirements.pending_verification"));
        }
        events.add(updated(account));
    }

    /** What Stripe does on its own later: a capability changes (e.g. transfers disabled), requirements appear. */
    void setTransfers(Map<String, Object> account, String status, List<String> requirementsDue,
                      List<Map<String, Object>> events) {
        if (!CAPABILITY_STATUSES.contains(status)) {
            throw StripeError.invalid("transfers must be one of " + CAPABILITY_STATUSES, "transfers");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> capabilities = (Map<String, Object>) account.get("capabilities");
        capabilities.put("transfers", status);
        List<String> due = requirementsDue != null ? requirementsDue
                : "active".equals(status) ? List.of() : currentlyDue(account);
        account.put("requirements", requirements(due, due.isEmpty() ? null : "requirements.past_due"));
        account.put("payouts_enabled", "active".equals(status));
        events.add(updated(account));
    }

    /** A payout of the connected account's balance to its bank: {@code payout.paid} or {@code payout.failed}. */
    Map<String, Object> payout(Map<String, Object> account, boolean paid, long amountCents,
                               List<Map<String, Object>> events) {
        if (amountCents <= 0) {
            throw StripeError.invalid("amount must be a positive number of cents", "amount");
        }
        Map<String, Object> payout = state.create("po", "payout");
        payout.put("amount", amountCents);
        payout.put("arrival_date", state.now() + 86_400);
        payout.put("automatic", true);
        payout.put("balance_transaction", null);
        payout.put("currency", "usd");
        payout.put("description", "STRIPE PAYOUT");
        payout.put("destination", "ba_stub_" + account.get("id"));
        payout.put("failure_balance_transaction", null);
        payout.put("failure_code", paid ? null : "account_closed");
        payout.put("failure_message", paid ? null : "The bank account has been closed.");
        payout.put("metadata", new LinkedHashMap<>());
        payout.put("method", "standard");
        payout.put("source_type", "card");
        payout.put("statement_descriptor", null);
        payout.put("status", paid ? "paid" : "failed");
        payout.put("type", "bank_account");
        events.add(onAccount(state.event(paid ? "payout.paid" : "payout.failed", payout), account));
        return payout;
    }

    private Map<String, Object> updated(Map<String, Object> account) {
        return onAccount(state.event("account.updated", account), account);
    }

    private static Map<String, Object> onAccount(Map<String, Object> event, Map<String, Object> account) {
        event.put("account", account.get("id"));
        return event;
    }

    private static void setCapabilities(Map<String, Object> account, String status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> capabilities = (Map<String, Object>) account.get("capabilities");
        capabilities.replaceAll((name, old) -> status);
    }

    @SuppressWarnings("unchecked")
    private static List<String> currentlyDue(Map<String, Object> account) {
        return (List<String>) ((Map<String, Object>) account.get("requirements")).get("currently_due");
    }

    private static Map<String, Object> requirements(List<String> due, String disabledReason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("alternatives", new ArrayList<>());
        r.put("current_deadline", null);
        r.put("currently_due", new ArrayList<>(due));
        r.put("disabled_reason", disabledReason);
        r.put("errors", new ArrayList<>());
        r.put("eventually_due", new ArrayList<>(due));
        r.put("past_due", new ArrayList<>(due));
        r.put("pending_verification", new ArrayList<>());
        return r;
    }

    private static Map<String, Object> businessProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("mcc", null);
        profile.put("name", null);
        profile.put("product_description", null);
        profile.put("support_email", null);
        profile.put("url", null);
        return profile;
    }

    private static Map<String, Object> controller() {
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("fees", new LinkedHashMap<>(Map.of("payer", "application")));
        controller.put("is_controller", true);
        controller.put("losses", new LinkedHashMap<>(Map.of("payments", "application")));
        controller.put("requirement_collection", "stripe");
        controller.put("stripe_dashboard", new LinkedHashMap<>(Map.of("type", "express")));
        controller.put("type", "application");
        return controller;
    }
}
