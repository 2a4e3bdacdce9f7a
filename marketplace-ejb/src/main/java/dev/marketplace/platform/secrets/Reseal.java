package dev.marketplace.platform.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-encrypts every stored endpoint key with the current key id, in the caller's transaction: plain-text legacy
 * values are sealed, values sealed under an older key id are opened and sealed again, values already under the
 * current id are left alone (so a second run changes nothing). A value that cannot be opened is counted and named,
 * never overwritten: the operator must add its key to MARKET_SECRETS_OLD_KEYS or have the provider enter it again.
 */
public final class Reseal {

    /** What a run did. {@code failedEndpointIds}: keys that could not be opened (left as they were). */
    public record Counts(int sealedFromPlainText, int resealed, int unchanged, List<Long> failedEndpointIds) {
        public int failed() {
            return failedEndpointIds.size();
        }

        public String describe() {
            return "endpoint keys: " + sealedFromPlainText + " sealed from plain text, " + resealed + " re-sealed, "
                    + unchanged + " unchanged, " + failed() + " failed" + (failedEndpointIds.isEmpty() ? ""
                    : " (endpoint ids " + failedEndpointIds + ": their sealing key is not configured)");
        }
    }

    private Reseal() {
    }

    public static Counts endpointKeys(Connection connection, SecretCipher cipher) throws SQLException {
        int plain = 0;
        int resealed = 0;
        int unchanged = 0;
        List<Long> failed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, api_key from provider_endpoint where api_key is not null order by id for update");
             PreparedStatement update = connection.prepareStatement("update provider_endpoint set api_key = ? where id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String stored = rs.getString(2);
                String plaintext;
                if (!EndpointKeys.isSealed(stored)) {
                    plaintext = stored;
                    plain++;
                } else if (!cipher.needsResealing(stored)) {
                    unchanged++;
                    continue;
                } else {
                    try {
                        plaintext = EndpointKeys.open(cipher, id, stored);
                    } catch (SecretDecryptionException e) {
                        failed.add(id);
                        continue;
                    }
                    resealed++;
                }
                update.setString(1, EndpointKeys.seal(cipher, id, plaintext));
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        return new Counts(plain, resealed, unchanged, List.copyOf(failed));
    }
}
