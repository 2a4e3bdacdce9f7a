package dev.marketplace.systemtests.cluster;

import dev.marketplace.systemtests.support.Db;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A new developer written straight into the test database with a credit grant (a balanced journal, as the ledger
 * writes it) and one API key, optionally with a credit limit. Keys are stored as their SHA-256 hex, as the server
 * stores its own.
 */
record FundedDeveloper(long developerId, long keyId, String apiKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    String account() {
        return Db.creditAccount(developerId);
    }

    static FundedDeveloper create(long creditMicros, Long keyLimitMicros) throws Exception {
        String apiKey = "sk-mk-v1-" + hex(32);
        try (Connection c = Db.connect()) {
            long developerId = Db.queryLong(c, "insert into developer (username) values (?) returning id",
                    "cluster-" + UUID.randomUUID());
            long keyId = Db.queryLong(c, """
                    insert into api_key (developer_id, name, key_hash, key_hint, credit_limit_micros)
                    values (?, 'cluster test', ?, 'sk-mk-v1-…', ?) returning id""", developerId, sha256(apiKey), keyLimitMicros);
            grant(c, developerId, creditMicros);
            return new FundedDeveloper(developerId, keyId, apiKey);
        }
    }

    private static void grant(Connection c, long developerId, long micros) throws Exception {
        String account = Db.creditAccount(developerId);
        c.setAutoCommit(false);
        long journal = Db.queryLong(c, "insert into ledger_journal (idempotency_key, kind, memo) values (?, 'grant', 'cluster test')"
                + " returning id", "test:cluster:" + developerId);
        for (String code : List.of(account, "platform:promotions")) {
            execute(c, "insert into ledger_account (code) values (?) on conflict do nothing", code);
            execute(c, "insert into account_balance (account_code) values (?) on conflict do nothing", code);
        }
        for (Object[] posting : List.of(new Object[] {account, micros}, new Object[] {"platform:promotions", -micros})) {
            execute(c, "insert into ledger_posting (journal_id, account_code, amount_micros) values (?, ?, ?)",
                    journal, posting[0], posting[1]);
            execute(c, "update account_balance set balance_micros = balance_micros + ? where account_code = ?",
                    posting[1], posting[0]);
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
