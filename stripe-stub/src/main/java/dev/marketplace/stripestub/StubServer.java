package dev.marketplace.stripestub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stub's HTTP front: {@code /v1/…} (Stripe's API: bearer {@code sk_test_…} key, idempotency keys),
 * {@code /checkout/{id}} (the hosted Checkout page), {@code /connect/onboarding/{token}} (Connect's hosted
 * onboarding, {@link ConnectPage}) and {@code /_stub/…} (control). Every answer is JSON in
 * Stripe's shapes except the page.
 */
public final class StubServer implements AutoCloseable {

    /** The API version of the Stripe Java SDK the marketplace uses (33.x); events carry it. */
    public static final String API_VERSION = "2026-07-29.dahlia";
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(StubServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final StubState state;
    private final Webhooks webhooks;
    private final RestApi api;
    private final Control control;
    private final Transfers transfers;
    private final CheckoutFlow checkout;
    private final Idempotency idempotency = new Idempotency();
    private final Webhooks connectWebhooks;
    private final ConnectApi connect;
    private final ConnectPage connectPage;
    private final String baseUrl;

    private StubServer(StubSettings settings, ConnectSettings connectSettings, Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 64);
        int port = server.getAddress().getPort();
        StubSettings bound = settings.withPort(port);
        baseUrl = bound.baseUrl();
        state = new StubState(new Ids(settings.idSeed()), clock, API_VERSION);
        Charging charging = new Charging(state);
        checkout = new CheckoutFlow(state, charging, baseUrl);
        webhooks = new Webhooks(bound, clock);
        api = new RestApi(state, charging, checkout);
        control = new Control(state, charging, checkout, webhooks);
        connectWebhooks = new Webhooks(bound.withEndpoint(connectSettings.webhookUrl(),
                connectSettings.webhookSecret()), clock);
        ConnectAccounts accounts = new ConnectAccounts(state, baseUrl);
        connect = new ConnectApi(state, accounts, connectWebhooks);
        connectPage = new ConnectPage(state, accounts, this::deliver);
        transfers = new Transfers(state, charging);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "stub-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public static StubServer start(StubSettings settings) throws IOException {
        return start(settings, ConnectSettings.none(), Clock.systemUTC());
    }

    public static StubServer start(StubSettings settings, ConnectSettings connect) throws IOException {
        return start(settings, connect, Clock.systemUTC());
    }

    static StubServer start(StubSettings settings, ConnectSettings connect, Clock clock) throws IOException {
        StubServer stub = new StubServer(settings, connect, clock);
        stub.server.start();
        return stub;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = readBody(exchange);
            try {
                if (path.startsWith("/v1/")) {
                    api(exchange, method, path, body);
                } else if (path.startsWith(ConnectPage.PATH)) {
                    connectPage.serve(exchange, method, path.substring(ConnectPage.PATH.length()), body);
                } else if (path.startsWith("/checkout/")) {
                    page(exchange, method, path.substring("/checkout/".length()), body);
                } else if (path.startsWith("/_stub/")) {
                    Params query = Params.parse(exchange.getRequestURI().getRawQuery());
                    Reply reply = Transfers.handles(path) ? transfers.handle(method, path, query)
                            : "/_stub/idempotency/forget".equals(path) ? idempotency.forgetAll()
                            : ConnectApi.handles(path) ? connect.handle(method, path, query, body)
                            : control.handle(method, path, query, body);
                    json(exchange, reply.status(), JsonText.write(reply.body()), false);
                    deliver(reply.events());
                } else {
                    throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL ("
                            + method + ": " + path + ")", null, null);
                }
            } catch (StripeError e) {
                json(exchange, e.status, JsonText.write(e.body()), false);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stub failed on " + method + " " + path, e);
                json(exchange, 500, JsonText.write(new StripeError(500, "api_error", null,
                        "The stub failed: " + e, null, null).body()), false);
            }
        }
    }

    private void api(HttpExchange exchange, String method, String path, String body) throws IOException {
        String apiKey = apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
        String query = exchange.getRequestURI().getRawQuery();
        Params params = Params.parse("GET".equals(method) || "DELETE".equals(method) ? query : body);
        String key = "POST".equals(method) ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
        String fingerprint = method + " " + path + " " + params.canonical();
        if (key != null) {
            Idempotency.Stored stored = idempotency.replay(apiKey, key, fingerprint);
            if (stored != null) {
                exchange.getResponseHeaders().add("Idempotency-Key", key);
                json(exchange, stored.status(), stored.body(), true);
                return;
            }
        }
        int status;
        String text;
        List<Map<String, Object>> events;
        try {
            Reply reply = Transfers.handles(path) ? transfers.handle(method, path, params)
                    : ConnectApi.handles(path) ? connect.handle(method, path, params, body)
                    : api.handle(method, path, params);
            status = reply.status();
            text = JsonText.write(reply.body());
            events = reply.events();
        } catch (RestApi.DeclineWithEvents decline) {
            status = decline.error.status;
            text = JsonText.write(decline.error.body());
            events = decline.events;
        } catch (StripeError e) {
            status = e.status;
            text = JsonText.write(e.body());
            events = List.of();
        }
        if (key != null) {
            idempotency.store(apiKey, key, fingerprint, status, text);
            exchange.getResponseHeaders().add("Idempotency-Key", key);
        }
        json(exchange, status, text, false);
        deliver(events);
    }

    /** Connect events (about a connected account: {@code account} set) go to the Connect endpoint, the rest not. */
    private void deliver(List<Map<String, Object>> events) {
        webhooks.send(events.stream().filter(e -> !e.containsKey("account")).toList());
        connectWebhooks.send(events.stream().filter(e -> e.containsKey("account")).toList());
    }

    /** Stripe's own check: a secret test key as a bearer token; anything else is a 401 in its error shape. */
    static String apiKey(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw StripeError.unauthorized("You did not provide an API key. You need to provide your API key in the"
                    + " Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }
        String key = authorization.substring("Bearer ".length()).strip();
        if (!key.matches("sk_test_[A-Za-z0-9_]{1,200}")) {
            throw StripeError.unauthorized("Invalid API Key provided: " + redact(key)
                    + " (the Stripe stub accepts only test secret keys, sk_test_…)");
        }
        return key;
    }

    private static String redact(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "*".repeat(Math.min(20, key.length() - 8));
    }

    private void page(HttpExchange exchange, String method, String sessionId, String body) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        String html;
        String redirect = null;
        synchronized (state) {
            Map<String, Object> session = state.get(sessionId, "checkout.session", "id");
            if ("GET".equals(method) || !"open".equals(session.get("status"))) {
                html = CheckoutPage.render(session, null, false);
            } else {
                Params form = Params.parse(body);
                String action = form.string("action") == null ? "" : form.string("action");
                CheckoutFlow.Attempt attempt = switch (action) {
                    case "pay" -> checkout.attempt(session, CheckoutFlow.Outcome.SUCCEED, TestCard.SUCCEED, events);
                    case "decline" -> checkout.attempt(session, CheckoutFlow.Outcome.DECLINE, TestCard.SUCCEED, events);
                    case "action" -> checkout.attempt(session, CheckoutFlow.Outcome.ACTION, TestCard.SUCCEED, events);
                    case "authenticate_ok" -> checkout.authenticate(session, true, events);
                    case "authenticate_fail" -> checkout.authenticate(session, false, events);
                    case "save" -> checkout.attempt(session, CheckoutFlow.Outcome.SUCCEED,
                            TestCard.fromParam(form.string("card")), events);
                    default -> throw StripeError.invalid("Unknown Checkout action " + action, "action");
                };
                if ("complete".equals(session.get("status"))) {
                    redirect = CheckoutPage.successUrl(session);
                }
                html = CheckoutPage.render(session, attempt.error(), attempt.needsAction());
            }
        }
        deliver(events);
        page(exchange, redirect, html);
    }

    /** A browser answer: a 303 to {@code redirect} if there is one, else the HTML page. */
    static void page(HttpExchange exchange, String redirect, String html) throws IOException {
        if (redirect != null) {
            exchange.getResponseHeaders().add("Location", redirect);
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw StripeError.invalid("Request body larger than " + MAX_BODY_BYTES + " bytes", null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void json(HttpExchange exchange, int status, String text, boolean replayed) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        exchange.getResponseHeaders().add("Stripe-Version", API_VERSION);
        if (replayed) {
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        connectWebhooks.close();
    }
}
