package dev.marketplace.onboarding.suspensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Suspending and reinstating providers and endpoints on a real PostgreSQL. */
class SuspensionsTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private long provider;
    private long endpoint;
    private Suspensions suspensions;

    @BeforeEach
    void provider() throws SQLException {
        db.execute("truncate provider_member, inbox_notice, provider_endpoint, provider cascade");
        provider = db.provider("acme");
        endpoint = db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id) values (?, "
                + "'main', 'http://x', 'openai') returning id", provider);
        db.execute("insert into provider_member (provider_id, username) values (" + provider + ", 'pat'), (" + provider
                + ", 'sam')");
        suspensions = new Suspensions(db.dataSource());
    }

    @Test
    void aSuspendedProviderIsAuditedToldAndChangesTheCatalogVersion() throws SQLException {
        long version = version();
        suspensions.suspendProvider(provider, "Serving wrong models", "root");
        assertEquals("suspended", status("provider", provider));
        assertTrue(version() > version);
        assertEquals(1, db.longValue("select count(*) from audit_log where actor = 'root' and action = "
                + "'provider.suspend' and target = ? and reason = 'Serving wrong models'", "provider:" + provider));
        Inbox inbox = new Inbox(db.dataSource());
        assertEquals("Your provider account acme is suspended", inbox.recent("pat").get(0).subject());
        assertEquals(1, inbox.recent("sam").size());
        assertTrue(suspensions.overview().get(0).suspended());

        suspensions.reinstateProvider(provider, "Fixed", "root");
        assertEquals("active", status("provider", provider));
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'provider.reinstate' and target = ?",
                "provider:" + provider));
    }

    @Test
    void anEndpointIsSuspendedAndReinstatedAlone() throws SQLException {
        suspensions.suspendEndpoint(endpoint, "Leaks prompts", "root");
        assertEquals("suspended", status("provider_endpoint", endpoint));
        assertEquals("active", status("provider", provider));
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'endpoint.suspend' and target = ?",
                "provider_endpoint:" + endpoint));
        assertTrue(suspensions.overview().get(0).endpoints().get(0).suspended());
        suspensions.reinstateEndpoint(endpoint, "Retention fixed", "root");
        assertEquals("active", status("provider_endpoint", endpoint));
    }

    @Test
    void aReasonIsRequiredAndTheStateMustFit() throws SQLException {
        assertEquals("reason", assertThrows(AdminActionException.class,
                () -> suspensions.suspendProvider(provider, "  ", "root")).field());
        assertEquals("active", status("provider", provider));
        assertThrows(AdminActionException.class, () -> suspensions.reinstateProvider(provider, "not suspended", "root"));
        suspensions.suspendProvider(provider, "once", "root");
        assertThrows(AdminActionException.class, () -> suspensions.suspendProvider(provider, "twice", "root"));
        assertThrows(AdminActionException.class, () -> suspensions.suspendEndpoint(999_999, "nobody", "root"));
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'provider.suspend' and target = ?",
                "provider:" + provider));
    }

    private String status(String table, long id) throws SQLException {
        try (var c = db.dataSource().getConnection(); var s = c.prepareStatement("select status from " + table
                + " where id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long version() throws SQLException {
        return db.longValue("select version from catalog_version");
    }
}
