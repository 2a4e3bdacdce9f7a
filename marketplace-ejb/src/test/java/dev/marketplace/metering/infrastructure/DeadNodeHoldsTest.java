package dev.marketplace.metering.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which open holds the sweeper gives back as those of a dead node, on PostgreSQL with the real tables. */
class DeadNodeHoldsTest {
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();

    @BeforeAll
    static void holdsAndHeartbeats() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into ledger_account (code) values ('developer:1:credit')");
            s.execute("insert into node_heartbeat (node_id, seen_at) values ('node-dead', now() - interval '1 minute'), "
                    + "('node-alive', now()), ('node-me', now() - interval '1 minute')");
            hold(s, "dead-old", "node-dead", "open", "1 minute");     // given back
            hold(s, "dead-young", "node-dead", "open", "1 second");   // placed just now: not yet
            hold(s, "dead-closed", "node-dead", "settled", "1 minute");
            hold(s, "alive-old", "node-alive", "open", "1 minute");   // its node still beats (a long stream)
            hold(s, "mine-old", "node-me", "open", "1 minute");       // the sweeping node's own
            hold(s, "unowned-old", null, "open", "1 minute");         // no heartbeat kept: the hourly sweep's
            hold(s, "never-beat-old", "node-gone", "open", "1 minute"); // a node with no heartbeat row at all
        }
    }

    private static void hold(Statement s, String id, String owner, String status, String age) throws SQLException {
        s.execute("insert into ledger_hold (id, account_code, amount_micros, status, owner, created_at, closed_at) values ('"
                + id + "', 'developer:1:credit', 100, '" + status + "', " + (owner == null ? "null" : "'" + owner + "'")
                + ", now() - interval '" + age + "', " + ("open".equals(status) ? "null" : "now()") + ")");
    }

    @Test
    void onlyOpenHoldsOldEnoughOfAnotherNodeSilentForTwentySeconds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(StaleHoldSweeper.OF_DEAD_NODES)) {
            ps.setString(1, "node-me");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        ids.sort(String::compareTo);
        assertEquals(List.of("dead-old", "never-beat-old"), ids);
    }
}
