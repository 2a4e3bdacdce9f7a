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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP transport every upstream protocol shares: one client (HTTP/1.1, no h2c upgrade attempts, a bounded
 * executor), a timeout per call, and one retry when a pooled keep-alive connection turns out to have been closed
 * by the upstream before it answered. Failures leave as {@link UpstreamException}s with the status to fail over on.
 */
public final class UpstreamHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int CLIENT_THREADS = 8;
    static final int CLIENT_QUEUE = 10_000;

    private final ExecutorService executor;
    private final HttpClient client;

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

    public <T> HttpResponse<T> post(URI uri, Map<String, String> headers, String jsonBody, int timeoutMs,
                                    HttpResponse.BodyHandler<T> handler) throws UpstreamException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(timeoutMs))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            try {
                return client.send(request, handler);
            } catch (IOException stale) {
                if (stale instanceof HttpTimeoutException) {
                    throw stale;
                }
                // A pooled keep-alive connection the upstream had closed: nothing was answered, so one retry is safe.
                return client.send(request, handler);
            }
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(408, "upstream timed out after " + timeoutMs + " ms", false, e);
        } catch (IOException e) {
            throw new UpstreamException(0, "upstream unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(0, "interrupted while calling upstream", false, e);
        }
    }

    /** The base URL with one trailing slash, then the path. */
    public static URI resolve(String baseUrl, String path) {
        return URI.create((baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + path);
    }

    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
