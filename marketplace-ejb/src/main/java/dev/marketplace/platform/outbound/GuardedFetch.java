package dev.marketplace.platform.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs an untrusted URL: checked by the {@link UrlGuard} first, redirects never followed (a 3xx is an error that
 * names the target), the body cut off at the size limit, the whole exchange bounded by a deadline.
 */
public final class GuardedFetch implements AutoCloseable {

    private static final long ERROR_BODY_BYTES = 64 * 1024;

    private final UrlGuard guard;
    private final FetchLimits limits;
    private final ExecutorService executor;
    private final HttpClient client;

    public GuardedFetch(UrlGuard guard, FetchLimits limits) {
        this.guard = guard;
        this.limits = limits;
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "guarded-fetch");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(limits.connectTimeoutMs()))
                .executor(executor)
                .build();
    }

    /** The body of a 200 answer to GET {@code url} with these request headers. */
    public byte[] get(String url, Map<String, String> headers) {
        CheckedUrl checked = guard.check(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(checked.uri()).GET()
                .timeout(Duration.ofMillis(limits.totalTimeoutMs()));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info -> new LimitedBody(
                info.statusCode() == 200 ? limits.maxBodyBytes() : ERROR_BODY_BYTES,
                info.headers().firstValueAsLong("content-length").orElse(-1)));
        HttpResponse<byte[]> response = await(exchange, url);
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("location").orElse("(no Location)");
            throw new FetchFailedException("The URL answered " + status + " redirecting to " + target
                    + ": redirects are not followed, give the final URL");
        }
        if (status != 200) {
            throw new FetchFailedException("The URL answered HTTP " + status + " instead of 200");
        }
        return response.body();
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange, String url) {
        try {
            return exchange.get(limits.totalTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchFailedException("The URL did not answer completely within " + limits.totalTimeoutMs() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            throw new FetchFailedException("Interrupted while fetching " + url, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchFailedException fetchFailed) {
                throw new FetchFailedException(fetchFailed.getMessage(), fetchFailed);
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchFailedException("The URL did not answer within " + limits.totalTimeoutMs() + " ms", cause);
            }
            if (cause instanceof java.io.IOException io && io.getCause() instanceof FetchFailedException fetchFailed) {
                throw new FetchFailedException(fetchFailed.getMessage(), fetchFailed);
            }
            throw new FetchFailedException("Fetching the URL failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
