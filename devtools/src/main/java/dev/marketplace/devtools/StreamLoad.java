package dev.marketplace.devtools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client for many concurrent slow streams, which wrk cannot hold: {@code STREAMS} slots each post a
 * streaming chat completion, read it to {@code [DONE]} and start the next, for {@code SECONDS}. A stream counts as
 * an error unless it answers 200 and ends with {@code [DONE]} and no error event. Prints one line:
 * {@code streams=… completed=… errors=… elapsed_s=… streams_per_s=… p50_ms=… p99_ms=… max_open=…}.
 * Usage: {@code StreamLoad API_BASE_URL API_KEY MODEL STREAMS SECONDS}
 */
public final class StreamLoad {
    static final long RAMP_UP_MS = 2_000;
    static final Duration STREAM_TIMEOUT = Duration.ofSeconds(120);
    static final int ERRORS_SHOWN = 5;

    /** Streams per HTTP client: the JDK client's connection pool scans a list, so a few thousand in one are slow. */
    static final int STREAMS_PER_CLIENT = 100;

    private final HttpClient[] clients;
    private final HttpRequest request;
    private final long stopAtNanos;
    private final CountDownLatch slotsDone;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicLong errorsShown = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> durationsMicros = new ConcurrentLinkedQueue<>();

    private StreamLoad(String baseUrl, String apiKey, String model, int streams, int seconds) {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"max_tokens\":64,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say twenty words, slowly.\"}]}";
        request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions"))
                .timeout(STREAM_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        stopAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        slotsDone = new CountDownLatch(streams);
        clients = new HttpClient[(streams + STREAMS_PER_CLIENT - 1) / STREAMS_PER_CLIENT];
        ExecutorService executor = Executors.newFixedThreadPool(4);
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).executor(executor).build();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("Usage: StreamLoad API_BASE_URL API_KEY MODEL STREAMS SECONDS");
            System.exit(2);
        }
        int streams = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        StreamLoad load = new StreamLoad(args[0], args[1], args[2], streams, seconds);
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            load.next(i);
            if (i % 100 == 99) { // the first connects in batches of 100 spread over RAMP_UP_MS
                Thread.sleep(RAMP_UP_MS / Math.max(1, streams / 100));
            }
        }
        boolean drained = load.slotsDone.await(seconds + STREAM_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println(load.summary(streams, elapsed, drained));
        System.exit(0);
    }

    /** Starts this slot's next stream, or retires the slot once the time is up. */
    private void next(int slot) {
        if (System.nanoTime() >= stopAtNanos) {
            slotsDone.countDown();
            return;
        }
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        long start = System.nanoTime();
        clients[slot % clients.length].sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            open.decrementAndGet();
            String problem = error != null ? error.toString()
                    : response.statusCode() != 200 ? "status " + response.statusCode() + ": " + response.body()
                    : !response.body().endsWith("data: [DONE]\n\n") ? "no [DONE] at the end"
                    : response.body().contains("\"finish_reason\":\"error\"") ? "an error event" : null;
            if (problem == null) {
                completed.incrementAndGet();
                durationsMicros.add((System.nanoTime() - start) / 1_000);
            } else {
                errors.incrementAndGet();
                if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
                    System.err.println("stream error: " + problem.substring(0, Math.min(300, problem.length())));
                }
            }
            next(slot);
        });
    }

    private String summary(int streams, double elapsedSeconds, boolean drained) {
        long[] micros = durationsMicros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(micros);
        return String.format("streams=%d completed=%d errors=%d%s elapsed_s=%.1f streams_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_open=%d",
                streams, completed.get(), errors.get(), drained ? "" : " (still open at the end: " + open.get() + ")",
                elapsedSeconds, completed.get() / elapsedSeconds, percentile(micros, 0.50) / 1000.0,
                percentile(micros, 0.99) / 1000.0, maxOpen.get());
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
