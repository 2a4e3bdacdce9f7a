package dev.marketplace.simulation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's webhook endpoint, in-process: the stub's signed deliveries go to {@link ReceivePaymentEvent} over
 * the raw body, as {@code /api/webhooks/stripe} does. {@link #loseEventsMentioning} is the injection of a lost
 * webhook: deliveries naming that object are answered 200 and dropped (Stripe then never sends them again).
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ReceivePaymentEvent receiver;
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    WebhookReceiver(ReceivePaymentEvent receiver) throws IOException {
        this.receiver = receiver;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/webhooks/stripe", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/stripe";
    }

    void loseEventsMentioning(String objectId) {
        lost.add(objectId);
    }

    long received() {
        return received.get();
    }

    long failed() {
        return failed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            int status = 200;
            if (lost.stream().noneMatch(text::contains)) {
                try {
                    receiver.receive(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"));
                    received.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    System.err.println("webhook failed: " + e.getMessage());
                    status = 500;
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
