package dev.marketplace.onboarding.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditLogTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @BeforeAll
    static void create() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            AuditLog.append(c, "admin", "provider_application.approve", "provider_application:1", null);
            AuditLog.append(c, "admin2", "provider_application.reject", "provider_application:2", "no website");
        }
    }

    @Test
    void readsBackNewestFirstWithEveryField() {
        List<AuditEntry> entries = new AuditLog(db.dataSource()).recent(10);
        assertEquals(2, entries.size());
        AuditEntry latest = entries.get(0);
        assertEquals("admin2", latest.actor());
        assertEquals("provider_application.reject", latest.action());
        assertEquals("provider_application:2", latest.target());
        assertEquals("no website", latest.reason());
        assertTrue(latest.at().isAfter(java.time.Instant.now().minusSeconds(60)));
    }

    @Test
    void updateDeleteAndTruncateAreRefusedByTheDatabase() throws SQLException {
        for (String sql : List.of("update audit_log set reason = 'rewritten'", "delete from audit_log",
                "truncate audit_log")) {
            SQLException refused = assertThrows(SQLException.class, () -> db.execute(sql), sql);
            assertTrue(refused.getMessage().contains("audit_log is append-only"), refused.getMessage());
        }
        assertEquals(2, db.longValue("select count(*) from audit_log where reason is distinct from 'rewritten'"));
    }

    @Test
    void anActionNeedsAnActorAndATarget() {
        assertThrows(SQLException.class, () -> db.execute("insert into audit_log (actor, action, target) values ('', 'x', 'y')"));
        assertThrows(SQLException.class, () -> db.execute("insert into audit_log (actor, action, target) values ('a', 'x', '')"));
    }
}
