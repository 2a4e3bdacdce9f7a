package dev.marketplace.stripestub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's webhook signature: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}. */
final class Signature {

    private Signature() {
    }

    static String header(String payload, String secret, long unixSeconds) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + payload);
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
