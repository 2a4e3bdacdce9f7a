package dev.marketplace.stripestub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Delivers events to the webhook URL as Stripe does: POST of the event JSON with a {@code Stripe-Signature}, a
 * 2xx answer ends it, anything else (or no answer) is retried with doubling delays up to a bound. For tests it can
 * send each event N times at once, wait before sending, and send the events of one action in reverse order.
 * Events of one action are sent one after the other (in order unless reordering is on).
 */
final class Webhooks implements AutoCloseable {

    static final long FIRST_RETRY_MS = 500;
    static final long MAX_RETRY_MS = 30_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    private volatile StubSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stub-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService io = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "stub-webhooks-io");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;
    private final Map<String, List<Map<String, Object>>> deliveries = new ConcurrentHashMap<>();

    Webhooks(StubSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    StubSettings settings() {
        return settings;
    }

    void configure(StubSettings newSettings) {
        settings = newSettings;
    }

    /** Sends these events (emitted by one action, in Stripe's order) as the current settings say. */
    void send(List<Map<String, Object>> events) {
        if (events.isEmpty()) {
            return;
        }
        StubSettings now = settings;
        List<String[]> batch = new ArrayList<>();
        for (Map<String, Object> event : events) {
            batch.add(new String[] {(String) event.get("id"), JsonText.write(event)});
            deliveries.put((String) event.get("id"), Collections.synchronizedList(new ArrayList<>()));
        }
        if (now.reorder()) {
            Collections.reverse(batch);
        }
        if (now.webhookUrl() == null) {
            batch.forEach(e -> log(e[0], 0, "not sent: no webhook URL configured"));
            return;
        }
        scheduler.schedule(() -> {
            for (String[] event : batch) {
                sendCopies(now, event[0], event[1]);
            }
        }, now.delayMs(), TimeUnit.MILLISECONDS);
    }

    private void sendCopies(StubSettings now, String eventId, String payload) {
        List<CompletableFuture<Void>> copies = new ArrayList<>();
        for (int copy = 0; copy < now.duplicates(); copy++) {
            copies.add(attempt(now, eventId, payload, 1));
        }
        CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> attempt(StubSettings now, String eventId, String payload, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(now.webhookUrl()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", Signature.header(payload, now.webhookSecret(),
                        clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    int status = response == null ? 0 : response.statusCode();
                    String outcome = failure != null ? "failed: " + failure
                            : status + " " + abbreviate(response.body());
                    log(eventId, attempt, outcome);
                    if (failure != null || status < 200 || status > 299) {
                        retry(now, eventId, payload, attempt);
                    }
                    return null;
                });
    }

    private void retry(StubSettings now, String eventId, String payload, int attempt) {
        if (attempt >= now.maxAttempts()) {
            LOG.warning(() -> "giving up on " + eventId + " after " + attempt + " attempts");
            return;
        }
        long delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(attempt - 1, 16));
        scheduler.schedule(() -> attempt(now, eventId, payload, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    private void log(String eventId, int attempt, String outcome) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("attempt", attempt);
        entry.put("at", clock.instant().toString());
        entry.put("outcome", outcome);
        deliveries.computeIfAbsent(eventId, k -> Collections.synchronizedList(new ArrayList<>())).add(entry);
    }

    /** What happened to an event's deliveries so far (copies included). */
    List<Map<String, Object>> deliveriesOf(String eventId) {
        List<Map<String, Object>> log = deliveries.get(eventId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return JsonText.copy(new ArrayList<>(log));
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        io.shutdownNow();
    }
}
