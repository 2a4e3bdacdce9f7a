package dev.marketplace.systemtests.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A hold left open by a node that died before settling (simulated: an open hold written two hours ago) is
 * released by the sweeper within about a minute, and the credit it held is available again.
 */
class StaleHoldIT {
    @Test
    void aHoldNobodySettlesIsReleased() throws Exception {
        String account = "developer:" + (900_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffff)) + ":credit";
        String holdId = "test-stale-" + UUID.randomUUID();
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            execute(c, "insert into ledger_account (code) values (?)", account);
            execute(c, "insert into account_balance (account_code, balance_micros, held_micros) values (?, 0, 700)", account);
            execute(c, "insert into ledger_hold (id, account_code, amount_micros, status, created_at) "
                    + "values (?, ?, 700, 'open', now() - interval '2 hours')", holdId, account);
            c.commit();
            c.setAutoCommit(true);

            long deadline = System.nanoTime() + 75_000_000_000L; // the sweeper runs once a minute
            while (!"released".equals(Db.hold(c, holdId).orElseThrow().status()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals("released", Db.hold(c, holdId).orElseThrow().status());
            assertEquals(0, Db.queryLong(c, "select held_micros from account_balance where account_code = ?", account),
                    "the held credit is available again");
        }
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
