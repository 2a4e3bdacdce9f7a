package dev.marketplace.systemtests.purchases;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A fresh developer with no credit and an API key, written straight into the test database (the key as the SHA-256
 * hex the server stores), so each test can assert exact balances without the rest of the suite's traffic.
 */
record Buyer(long developerId, String apiKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Buyer create() throws SQLException {
        try (Connection c = Db.connect()) {
            String username = "buyer-" + hex(6);
            long developerId;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into developer (username, email) values (?, ?) returning id")) {
                ps.setString(1, username);
                ps.setString(2, username + "@example.com");
                developerId = single(ps);
            }
            String apiKey = "sk-mk-v1-" + hex(32);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into api_key (developer_id, name, key_hash, key_hint, kind)
                    values (?, 'purchase test key', ?, ?, 'api') returning id""")) {
                ps.setLong(1, developerId);
                ps.setString(2, sha256(apiKey));
                ps.setString(3, apiKey.substring(0, 12) + "…" + apiKey.substring(apiKey.length() - 4));
                single(ps);
            }
            return new Buyer(developerId, apiKey);
        }
    }

    /** {@code POST /api/v1/credits/checkout} with this buyer's key. */
    HttpResponse<String> startCheckout(String amountJson) {
        return Http.postJson(TestTarget.apiUrl() + "/credits/checkout", apiKey, "{\"amount\":" + amountJson + "}");
    }

    /** {@code POST /api/v1/credits/checkout/{id}/confirm}: what the portal's success page does. */
    HttpResponse<String> confirm(String sessionId) {
        return Http.postJson(TestTarget.apiUrl() + "/credits/checkout/" + sessionId + "/confirm", apiKey, "");
    }

    String creditAccount() {
        return Db.creditAccount(developerId);
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
