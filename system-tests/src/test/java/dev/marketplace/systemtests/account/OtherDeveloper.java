package dev.marketplace.systemtests.account;

import dev.marketplace.systemtests.support.Db;
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
 * A second developer, written straight into the test database (no credit): an API key and a management key
 * stored as SHA-256 hex of the secret, as the server stores its own. For the BOLA cases.
 */
record OtherDeveloper(long developerId, long apiKeyId, String apiKey, long managementKeyId, String managementKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static OtherDeveloper create() throws SQLException {
        try (Connection c = Db.connect()) {
            long developerId;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into developer (username, email) values (?, ?) returning id")) {
                String username = "bola-" + hex(6);
                ps.setString(1, username);
                ps.setString(2, username + "@example.com");
                developerId = single(ps);
            }
            String apiKey = "sk-mk-v1-" + hex(32);
            String managementKey = "sk-mk-mgmt-v1-" + hex(32);
            long apiKeyId = insertKey(c, developerId, "api", apiKey);
            long managementKeyId = insertKey(c, developerId, "management", managementKey);
            return new OtherDeveloper(developerId, apiKeyId, apiKey, managementKeyId, managementKey);
        }
    }

    private static long insertKey(Connection c, long developerId, String kind, String secret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into api_key (developer_id, name, key_hash, key_hint, kind) values (?, ?, ?, ?, ?) returning id""")) {
            ps.setLong(1, developerId);
            ps.setString(2, "other developer's " + kind + " key");
            ps.setString(3, sha256(secret));
            ps.setString(4, secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4));
            ps.setString(5, kind);
            return single(ps);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
