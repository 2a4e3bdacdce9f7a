package dev.marketplace.routing.upstream.openai;

import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The OpenAI-compatible protocol. One shared HTTP client (HTTP/1.1, bounded executor) for all its endpoints. */
@ApplicationScoped
public class OpenAiAdapterFactory implements UpstreamAdapterFactory {
    public static final String ID = "openai";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int CLIENT_THREADS = 8;

    private final ExecutorService executor = new ThreadPoolExecutor(CLIENT_THREADS, CLIENT_THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "upstream-http");
                t.setDaemon(true);
                return t;
            });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts on plain http upstreams
            .connectTimeout(CONNECT_TIMEOUT)
            .executor(executor)
            .build();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UpstreamAdapter create(Route.Endpoint endpoint) {
        return new OpenAiAdapter(client, endpoint);
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
