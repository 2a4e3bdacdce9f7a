package dev.marketplace.systemtests.providers;

import static dev.marketplace.systemtests.providers.ProviderBrowsers.inBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign-up → approval: a brand-new realm user applies to become a provider, the demo admin approves in the queue,
 * and the user's next sign-in carries the provider role, with the provider row, the audit entry and the inbox notice
 * to match; the new provider's first endpoint at a metadata address is refused with nothing written. Each person
 * uses their own browser (no shared session).
 */
class ProviderSignupIT {

    private static final String BASE_URL = System.getProperty("market.baseUrl", "http://localhost:8380").replaceAll("/+$", "");

    @Test
    void aNewUserAppliesAndAnAdminApproves() throws Exception {
        String username = "applicant-" + System.currentTimeMillis();
        String organisation = "Applicant Models " + username.substring(10);
        RealmUsers.create(username);
        assertFalse(RealmUsers.realmRolesInFreshToken(username).contains("\"provider\""));

        inBrowser("applicant", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/provider/apply", username, username);
            page.apply(organisation, "DE · Germany");
            String status = page.status();
            assertTrue(status.contains("waiting for an administrator"), () -> status + " / " + page.message());
        });

        long applicationId;
        try (Connection c = Db.connect()) {
            applicationId = Db.queryLong(c, "select id from provider_application where username = ? and status = 'pending' "
                    + "and country = 'DE'", username);
        }

        inBrowser("admin", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/admin/providers", "admin", "admin");
            assertTrue(page.waitForCell("provider-applications", organisation).contains(organisation));
            page.approve(applicationId);
            List<String> audit = page.open("/admin/audit").waitForCell("audit-log", "provider_application:" + applicationId);
            assertTrue(audit.contains("provider_application:" + applicationId), audit.toString());
        });

        assertTrue(RealmUsers.realmRolesInFreshToken(username).contains("\"provider\""), "Keycloak granted the role");
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from provider_member m join provider p on p.id = m.provider_id "
                    + "where m.username = ? and p.name = ?", username, organisation));
            assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where actor = 'admin' "
                    + "and action = 'provider_application.approve' and target = ?", "provider_application:" + applicationId));
        }

        inBrowser("applicant-again", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/provider/apply", username, username);
            assertTrue(page.navText().contains("Provider"), page.navText());
            assertEquals("1", page.unreadBadge());
            List<String> notices = page.open("/inbox").waitForCell("inbox-notices", "approved");
            assertTrue(notices.stream().anyMatch(text -> text.contains("approved")), notices.toString());

            String refused = page.open("/provider/endpoints").registerEndpointRefused("http://169.254.169.254/latest/meta-data/");
            assertTrue(refused.contains("a cloud metadata address"), refused);
        });
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from provider_endpoint e join provider_member m "
                    + "on m.provider_id = e.provider_id where m.username = ?", username));
        }
    }
}
