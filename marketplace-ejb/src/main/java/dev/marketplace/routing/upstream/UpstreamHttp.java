package dev.marketplace.routing.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP transport every upstream protocol shares: whole replies on the calling thread over pooled keep-alive
 * sockets ({@link KeepAliveHttp}), streams on one asynchronous client (HTTP/1.1, no h2c upgrade attempts, a bounded
 * executor); a timeout per call, and one retry when a pooled keep-alive connection turns out to have been closed
 * by the upstream before it answered. Failures leave as {@link UpstreamException}s with the status to fail over on.
 */
public final class UpstreamHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int CLIENT_THREADS = 8;
    static final int CLIENT_QUEUE = 10_000;
    static final int MAX_ERROR_BODY_BYTES = 8_192;

    private final ExecutorService executor;
    private final HttpClient client;
    private final UpstreamAddresses addresses = UpstreamAddresses.fromConfig();
    private final KeepAliveHttp keepAlive = new KeepAliveHttp((int) CONNECT_TIMEOUT.toMillis(), Timeouts.SCHEDULER,
            addresses);

    public UpstreamHttp(String threadName) {
        executor = new ThreadPoolExecutor(CLIENT_THREADS, CLIENT_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(CLIENT_QUEUE), r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(executor)
                .build();
    }

    /** Wraps a client the caller owns (tests). */
    public UpstreamHttp(HttpClient client) {
        this.executor = null;
        this.client = client;
    }

    /**
     * A request and its whole reply, on the calling thread, waiting at most {@code timeoutMs} for both (see
     * {@link KeepAliveHttp}: no hand-off to the HTTP client's threads and back).
     */
    public Reply post(URI uri, boolean operatorTrusted, Map<String, String> headers, String jsonBody, int timeoutMs)
            throws UpstreamException {
        try {
            return keepAlive.post(uri, operatorTrusted, headers, jsonBody.getBytes(StandardCharsets.UTF_8), timeoutMs);
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(408, "upstream timed out after " + timeoutMs + " ms", false, e);
        } catch (KeepAliveHttp.BadReplyException e) {
            throw new UpstreamException(502, "upstream sent a bad reply: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new UpstreamException(0, "upstream unreachable: " + e.getMessage(), false, e);
        }
    }

    /** An upstream's reply: its status and its body as text. */
    public record Reply(int status, String body) {
    }

    /**
     * POSTs and reads the reply's server-sent events into the listener without a thread, as fast as the listener
     * is ready for them. The future completes with the listener's result once an event completes the stream, or
     * exceptionally with an {@link UpstreamException} (a refusal, a timeout before the reply, a broken stream) or
     * the listener's {@link ClientGoneException}. Cancelling it closes the upstream connection.
     */
    public <T> CompletableFuture<T> stream(URI uri, boolean operatorTrusted, Map<String, String> headers, String jsonBody,
                                           int timeoutMs, SseListener<T> listener) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            addresses.check(uri, operatorTrusted);
        } catch (UpstreamAddresses.RefusedAddressException e) {
            result.completeExceptionally(new UpstreamException(0, "upstream unreachable: " + e.getMessage(), false, e));
            return result;
        }
        sendStream(request(uri, headers, jsonBody), timeoutMs, listener, result, true);
        return result;
    }

    private <T> void sendStream(HttpRequest request, int timeoutMs, SseListener<T> listener, CompletableFuture<T> result,
                                boolean mayRetry) {
        SseSubscriber<T> events = new SseSubscriber<>(listener, result);
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<Object>> exchange = client.sendAsync(request, info -> {
            answered.set(true);
            return info.statusCode() / 100 == 2
                    ? HttpResponse.BodySubscribers.mapping(events, v -> (Object) v)
                    : HttpResponse.BodySubscribers.mapping(new BoundedText(MAX_ERROR_BODY_BYTES), text -> {
                        result.completeExceptionally(listener.refused(info.statusCode(), text));
                        return text;
                    });
        });
        // until the reply's headers come (a stream may then run long: the caller bounds that)
        ScheduledFuture<?> deadline = Timeouts.SCHEDULER.schedule(() -> {
            if (!answered.get() && result.completeExceptionally(new UpstreamException(408,
                    "upstream timed out after " + timeoutMs + " ms", false, new HttpTimeoutException("no reply")))) {
                exchange.cancel(true);
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        result.whenComplete((value, error) -> {
            deadline.cancel(false);
            if (error instanceof CancellationException) {
                events.cancel();
                exchange.cancel(true);
            }
        });
        exchange.whenComplete((response, error) -> {
            if (error == null || result.isDone()) {
                return;
            }
            deadline.cancel(false); // this attempt is over; a retry keeps its own deadline
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (mayRetry && cause instanceof IOException && !(cause instanceof HttpTimeoutException) && !listener.committed()) {
                // A pooled keep-alive connection the upstream had closed: nothing was answered, so one retry is safe.
                sendStream(request, timeoutMs, listener, result, false);
            } else if (cause instanceof HttpTimeoutException) {
                result.completeExceptionally(new UpstreamException(408, "upstream timed out after " + timeoutMs + " ms",
                        false, cause));
            } else {
                result.completeExceptionally(new UpstreamException(0, "upstream unreachable: " + cause.getMessage(),
                        listener.committed(), cause));
            }
        });
    }

    private static HttpRequest request(URI uri, Map<String, String> headers, String jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The base URL with one trailing slash, then the path. */
    public static URI resolve(String baseUrl, String path) {
        return URI.create((baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + path);
    }

    public void close() {
        keepAlive.close();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * One daemon thread for every stream's wait for its reply headers (and for the rare large request body's write
     * deadline); cancelled entries leave its queue at once.
     */
    private static final class Timeouts {
        static final ScheduledThreadPoolExecutor SCHEDULER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "upstream-timeouts");
            t.setDaemon(true);
            return t;
        });

        static {
            SCHEDULER.setRemoveOnCancelPolicy(true);
        }
    }
}
