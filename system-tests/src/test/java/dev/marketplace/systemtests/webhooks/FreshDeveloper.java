package dev.marketplace.systemtests.webhooks;

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

/** A developer of its own per test (no credit), written into the test database, with one API key. */
record FreshDeveloper(long id, String apiKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static FreshDeveloper create() throws SQLException {
        try (Connection c = Db.connect()) {
            String username = "payments-" + hex(6);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into developer (username, email) values (?, ?) returning id")) {
                ps.setString(1, username);
                ps.setString(2, username + "@example.com");
                id = single(ps);
            }
            String apiKey = "sk-mk-v1-" + hex(32);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into api_key (developer_id, name, key_hash, key_hint, kind)
                    values (?, 'payments test key', ?, ?, 'api') returning id""")) {
                ps.setLong(1, id);
                ps.setString(2, sha256(apiKey));
                ps.setString(3, apiKey.substring(0, 12) + "…" + apiKey.substring(apiKey.length() - 4));
                single(ps);
            }
            return new FreshDeveloper(id, apiKey);
        }
    }

    String creditAccount() {
        return Db.creditAccount(id);
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
