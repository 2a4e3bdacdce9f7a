package dev.marketplace.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedFetchTest {

    private HttpServer server;
    private String origin;
    private final AtomicInteger targetHits = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/ok", exchange -> {
            byte[] body = ("{\"auth\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/redirect-local", exchange -> {
            exchange.getResponseHeaders().add("Location", origin + "/target");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            targetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.createContext("/declared-large", exchange -> {
            exchange.sendResponseHeaders(200, 2048);
            exchange.getResponseBody().write(new byte[2048]);
            exchange.close();
        });
        server.createContext("/chunked-large", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            writeQuietly(exchange.getResponseBody(), 10L * 1024 * 1024 + 1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GuardedFetch fetch(FetchLimits limits) {
        return new GuardedFetch(new UrlGuard(HostResolver.system(), AllowList.parse(origin)), limits);
    }

    @Test
    void fetchesAnAllowedUrlWithItsHeaders() {
        try (GuardedFetch fetch = fetch(FetchLimits.LIST_MODELS)) {
            byte[] body = fetch.get(origin + "/ok", Map.of("Authorization", "Bearer up-key"));
            assertArrayEquals("{\"auth\":\"Bearer up-key\"}".getBytes(StandardCharsets.UTF_8), body);
        }
    }

    @Test
    void refusesAPrivateUrlBeforeConnecting() {
        try (GuardedFetch fetch = new GuardedFetch(new UrlGuard(HostResolver.system(), AllowList.NONE), FetchLimits.LIST_MODELS)) {
            assertThrows(OutboundUrlRejectedException.class, () -> fetch.get(origin + "/target", Map.of()));
        }
        assertEquals(0, targetHits.get());
    }

    @Test
    void doesNotFollowRedirects() {
        try (GuardedFetch fetch = fetch(FetchLimits.LIST_MODELS)) {
            FetchFailedException metadata = assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/redirect", Map.of()));
            assertTrue(metadata.getMessage().contains("redirects are not followed"), metadata.getMessage());
            assertTrue(metadata.getMessage().contains("169.254.169.254"), metadata.getMessage());
            assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/redirect-local", Map.of()));
        }
        assertEquals(0, targetHits.get(), "the redirect target must never be fetched");
    }

    @Test
    void refusesADeclaredBodyOverTheLimit() {
        try (GuardedFetch fetch = fetch(new FetchLimits(1024, 2_000, 5_000))) {
            FetchFailedException tooLarge = assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/declared-large", Map.of()));
            assertTrue(tooLarge.getMessage().contains("larger than the limit of 1024 bytes"), tooLarge.getMessage());
        }
    }

    @Test
    void stopsReadingAnUndeclaredBodyAtTenMegabytes() {
        try (GuardedFetch fetch = fetch(FetchLimits.LIST_MODELS)) {
            FetchFailedException tooLarge = assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/chunked-large", Map.of()));
            assertTrue(tooLarge.getMessage().contains("larger than the limit of 10 MB"), tooLarge.getMessage());
        }
    }

    @Test
    void givesUpAtTheDeadline() {
        try (GuardedFetch fetch = fetch(new FetchLimits(1024, 2_000, 300))) {
            long start = System.nanoTime();
            FetchFailedException slow = assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/slow", Map.of()));
            assertTrue(slow.getMessage().contains("within 300 ms"), slow.getMessage());
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "gave up late");
        }
    }

    @Test
    void reportsAnErrorStatus() {
        try (GuardedFetch fetch = fetch(FetchLimits.LIST_MODELS)) {
            FetchFailedException missing = assertThrows(FetchFailedException.class, () -> fetch.get(origin + "/missing", Map.of()));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        }
    }

    private static void writeQuietly(OutputStream out, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        try {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
        } catch (IOException clientGaveUp) {
            // expected: the fetch cancels the download at the limit
        }
    }
}
