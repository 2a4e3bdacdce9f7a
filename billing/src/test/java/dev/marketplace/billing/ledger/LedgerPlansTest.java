package dev.marketplace.billing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hot path's database functions run on the generic plan (decision 0023): without it PostgreSQL re-planned their
 * queries on nearly every call. A {@code CREATE OR REPLACE FUNCTION} that forgets the {@code SET} clause drops the
 * setting silently; this test is what notices.
 */
class LedgerPlansTest {
    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();

    @Test
    void theJournalCheckAtCommitRunsOnTheGenericPlan() throws SQLException {
        assertEquals(List.of("plan_cache_mode=force_generic_plan"), settingsOf("ledger_journal_balanced"));
    }

    @Test
    void theBatchSettlementOfLeaseServedChargesRunsOnTheGenericPlan() throws SQLException {
        assertEquals(List.of("plan_cache_mode=force_generic_plan"), settingsOf("ledger_settle_leased_charges"));
    }

    private static List<String> settingsOf(String function) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT unnest(coalesce(proconfig, '{}')) FROM pg_proc WHERE proname = ? ORDER BY 1")) {
            ps.setString(1, function);
            List<String> settings = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.add(rs.getString(1));
                }
            }
            return settings;
        }
    }
}
