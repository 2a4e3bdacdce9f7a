package dev.marketplace.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Key rotation's re-seal over real rows: plain text sealed, old ids re-sealed, current ones kept, unknown ones named. */
class ResealTest {

    private static final byte[] OLD = filled(1);
    private static final byte[] NEW = filled(2);
    private static final byte[] LOST = filled(3);
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();

    @Test
    void resealsEveryKeyUnderTheCurrentIdAndASecondRunChangesNothing() throws SQLException {
        SecretCipher old = new SecretCipher(new SecretKeyRing("k1", OLD, Map.of()));
        SecretCipher lost = new SecretCipher(new SecretKeyRing("k0", LOST, Map.of()));
        SecretCipher rotated = new SecretCipher(new SecretKeyRing("k2", NEW, Map.of("k1", OLD)));
        try (Connection c = db.dataSource().getConnection()) {
            long provider = id(c, "insert into provider (slug, name) values ('p', 'P') returning id");
            long plain = endpoint(c, provider, "plain");
            long sealedOld = endpoint(c, provider, "old");
            long sealedNew = endpoint(c, provider, "new");
            long unopenable = endpoint(c, provider, "lost");
            long keyless = endpoint(c, provider, "keyless");
            setKey(c, plain, "sk-legacy-plain");
            setKey(c, sealedOld, EndpointKeys.seal(old, sealedOld, "sk-old"));
            String current = EndpointKeys.seal(rotated, sealedNew, "sk-new");
            setKey(c, sealedNew, current);
            String lostValue = EndpointKeys.seal(lost, unopenable, "sk-lost");
            setKey(c, unopenable, lostValue);

            Reseal.Counts first = inTransaction(c, rotated);
            assertEquals(new Reseal.Counts(1, 1, 1, List.of(unopenable)), first);
            assertEquals("endpoint keys: 1 sealed from plain text, 1 re-sealed, 1 unchanged, 1 failed (endpoint ids ["
                    + unopenable + "]: their sealing key is not configured)", first.describe());
            for (long id : new long[] {plain, sealedOld, sealedNew}) {
                assertTrue(key(c, id).startsWith("enc:v1:k2:"), key(c, id));
            }
            assertEquals("sk-legacy-plain", EndpointKeys.open(rotated, plain, key(c, plain)));
            assertEquals("sk-old", EndpointKeys.open(rotated, sealedOld, key(c, sealedOld)));
            assertEquals(current, key(c, sealedNew), "a value under the current id is not rewritten");
            assertEquals(lostValue, key(c, unopenable), "a value that cannot be opened is left as it was");
            assertEquals(null, key(c, keyless));
            SecretCipher onlyNew = new SecretCipher(new SecretKeyRing("k2", NEW, Map.of()));
            assertEquals("sk-old", EndpointKeys.open(onlyNew, sealedOld, key(c, sealedOld)), "k1 is no longer needed");

            assertEquals(new Reseal.Counts(0, 0, 3, List.of(unopenable)), inTransaction(c, rotated));
        }
    }

    @Test
    void aSealedKeyOpensOnlyForItsOwnRowAndPlainTextPassesThrough() {
        SecretCipher cipher = new SecretCipher(new SecretKeyRing("k2", NEW, Map.of()));
        String sealed = EndpointKeys.seal(cipher, 7, "sk-seven");
        assertEquals("sk-seven", EndpointKeys.open(cipher, 7, sealed));
        assertThrows(SecretDecryptionException.class, () -> EndpointKeys.open(cipher, 8, sealed));
        assertEquals("sk-legacy", EndpointKeys.open(cipher, 8, "sk-legacy"));
        assertEquals(null, EndpointKeys.open(cipher, 8, null));
        assertEquals("…even", EndpointKeys.hint("sk-seven-even"));
        assertEquals("…", EndpointKeys.hint("short"), "a short key gives nothing away");
    }

    private static Reseal.Counts inTransaction(Connection c, SecretCipher cipher) throws SQLException {
        c.setAutoCommit(false);
        Reseal.Counts counts = Reseal.endpointKeys(c, cipher);
        c.commit();
        c.setAutoCommit(true);
        return counts;
    }

    private static long endpoint(Connection c, long provider, String name) throws SQLException {
        return id(c, "insert into provider_endpoint (provider_id, name, base_url, adapter_id) values (" + provider
                + ", '" + name + "', 'https://x.example/v1', 'openai') returning id");
    }

    private static void setKey(Connection c, long id, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update provider_endpoint set api_key = ? where id = ?")) {
            s.setString(1, value);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static String key(Connection c, long id) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select api_key from provider_endpoint where id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
