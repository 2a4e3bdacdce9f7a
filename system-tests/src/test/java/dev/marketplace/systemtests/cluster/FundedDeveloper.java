package dev.marketplace.systemtests.cluster;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestDevelopers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * A new developer ({@link TestDevelopers}) with a credit grant (a balanced journal, as the ledger writes it) and one
 * API key, optionally with a credit limit.
 */
public record FundedDeveloper(long developerId, long keyId, String apiKey) {

    String account() {
        return Db.creditAccount(developerId);
    }

    public static FundedDeveloper create(long creditMicros, Long keyLimitMicros) throws Exception {
        TestDevelopers.NewDeveloper d = TestDevelopers.create("cluster", "cluster test", keyLimitMicros);
        try (Connection c = Db.connect()) {
            grant(c, d.id(), creditMicros);
        }
        return new FundedDeveloper(d.id(), d.keyId(), d.apiKey());
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
}
