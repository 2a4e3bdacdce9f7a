package dev.marketplace.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A developer of a test's own, written straight into the test database with one API key (stored, as the server
 * stores its own, as SHA-256 hex) and no credit, so a test can assert exact balances whatever else the suite does.
 */
public final class TestDevelopers {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The new developer and its key. */
    public record NewDeveloper(long id, long keyId, String apiKey) {
    }

    private TestDevelopers() {
    }

    /**
     * @param usernamePrefix  names the test in the developer's username
     * @param keyName         the key's name
     * @param creditLimitMicros the key's credit limit, or {@code null} for none
     */
    public static NewDeveloper create(String usernamePrefix, String keyName, Long creditLimitMicros)
            throws SQLException {
        String username = usernamePrefix + "-" + hex(6);
        String apiKey = "sk-mk-v1-" + hex(32);
        try (Connection c = Db.connect()) {
            long id = Db.queryLong(c, "insert into developer (username, email) values (?, ?) returning id",
                    username, username + "@example.com");
            long keyId = Db.queryLong(c, """
                    insert into api_key (developer_id, name, key_hash, key_hint, kind, credit_limit_micros)
                    values (?, ?, ?, ?, 'api', ?) returning id""", id, keyName, sha256(apiKey),
                    apiKey.substring(0, 12) + "…" + apiKey.substring(apiKey.length() - 4), creditLimitMicros);
            return new NewDeveloper(id, keyId, apiKey);
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
