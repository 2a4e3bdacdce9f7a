package dev.marketplace.devtools;

import dev.marketplace.platform.secrets.Reseal;
import dev.marketplace.platform.secrets.SecretCipher;
import dev.marketplace.platform.secrets.SecretKeyRing;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Key rotation's second step: re-encrypts every stored endpoint API key with the current key
 * ({@code MARKET_SECRETS_KEY} / {@code MARKET_SECRETS_KEY_ID}, older keys from {@code MARKET_SECRETS_OLD_KEYS}) in one
 * transaction, and prints the counts. Idempotent. Usage: {@code ResealSecrets JDBC_URL USER [PASSWORD]}; exit code 3
 * when some keys could not be opened (they are left as they were).
 */
public final class ResealSecrets {

    private ResealSecrets() {
    }

    public static void main(String[] args) throws SQLException {
        SecretCipher cipher = new SecretCipher(SecretKeyRing.fromConfig());
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : "")) {
            connection.setAutoCommit(false);
            Reseal.Counts counts = Reseal.endpointKeys(connection, cipher);
            connection.commit();
            System.out.println(counts.describe());
            if (counts.failed() > 0) {
                System.exit(3);
            }
        }
    }
}
