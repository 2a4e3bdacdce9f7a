package dev.marketplace.routing.upstream.anthropic;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local stand-in for api.anthropic.com that replays one canned reply and remembers the last request. */
final class AnthropicStub implements AutoCloseable {
    private static final byte[] PING = "event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);
    private static final long ENDLESS_LIMIT_MS = 10_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile byte[] body = new byte[0];
    private volatile boolean endless;
    volatile String lastPath;
    volatile Headers lastHeaders;
    volatile String lastBody;
    /** Counted down when a write to the client failed: it closed the connection. */
    final CountDownLatch clientLeft = new CountDownLatch(1);

    AnthropicStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies with a fixture under test resources {@code anthropic/}: {@code .sse} as an event stream, else JSON. */
    AnthropicStub replay(int status, String fixture) {
        return reply(status, fixture.endsWith(".sse") ? "text/event-stream" : "application/json", fixture(fixture));
    }

    AnthropicStub reply(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** After the reply, keep the stream open with pings until the client goes (or ten seconds pass). */
    AnthropicStub endless() {
        endless = true;
        return this;
    }

    static String fixture(String name) {
        try (InputStream in = AnthropicStub.class.getResourceAsStream("/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        lastPath = exchange.getRequestURI().getPath();
        lastHeaders = exchange.getRequestHeaders();
        lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, endless ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
            out.flush();
            long deadline = System.currentTimeMillis() + ENDLESS_LIMIT_MS;
            while (endless && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                out.write(PING);
                out.flush();
            }
        } catch (IOException e) {
            clientLeft.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
