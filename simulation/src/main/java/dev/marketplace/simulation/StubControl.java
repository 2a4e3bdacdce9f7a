package dev.marketplace.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a payer, a bank or a card network does at "Stripe" (the stub's {@code /_stub} control endpoints): pay a
 * Checkout Session, refund or dispute a charge, close a dispute. Answers are read for the one id they are needed for.
 */
final class StubControl {

    private static final Pattern CHARGE = Pattern.compile("\"latest_charge\"\\s*:\\s*\"(ch_[A-Za-z0-9_]+)\"");
    private static final Pattern PAYMENT_INTENT = Pattern.compile("\"payment_intent\"\\s*:\\s*\"(pi_[A-Za-z0-9_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z]+_[A-Za-z0-9_]+)\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    StubControl(String base) {
        this.base = base;
    }

    /** A paid session's payment intent and charge. */
    record Payment(String paymentIntentId, String chargeId) {
    }

    /** Pays the session with the default test card. */
    Payment pay(String sessionId) {
        post("/_stub/checkout/" + sessionId + "/pay");
        String pi = find(PAYMENT_INTENT, get("/v1/checkout/sessions/" + sessionId), "payment_intent");
        return new Payment(pi, find(CHARGE, get("/v1/payment_intents/" + pi), "latest_charge"));
    }

    void refund(String chargeId, long amountCents) {
        post("/_stub/charges/" + chargeId + "/refund?amount=" + amountCents);
    }

    String dispute(String chargeId) {
        return find(ID, post("/_stub/charges/" + chargeId + "/dispute"), "id");
    }

    void closeDispute(String disputeId, String status) {
        post("/_stub/disputes/" + disputeId + "/close?status=" + status);
    }

    /** As if the platform reversed part of a transfer in the dashboard: the stub emits {@code transfer.reversed}. */
    void reverseTransfer(String transferId, long amountCents) {
        post("/_stub/transfers/" + transferId + "/reverse?amount=" + amountCents);
    }

    private String post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer sk_test_local")
                .GET());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stub answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("stub call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String find(Pattern pattern, String json, String what) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + json);
        }
        return m.group(1);
    }
}
