package dev.marketplace.onboarding.signup.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.inbox.Notice;
import dev.marketplace.onboarding.signup.domain.ApplicationForm;
import dev.marketplace.onboarding.signup.domain.FieldError;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderApprovalsTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private final List<String> grants = new ArrayList<>();
    private boolean keycloakDown;
    private ProviderSignup signup;
    private ProviderApprovals approvals;
    private Inbox inbox;

    @BeforeEach
    void services() throws SQLException {
        db.execute("truncate provider_application, provider_member, inbox_notice, provider cascade");
        signup = new ProviderSignup(db.dataSource());
        approvals = new ProviderApprovals(db.dataSource(), (username, role) -> {
            if (keycloakDown) {
                throw new IllegalStateException("Keycloak answered HTTP 503");
            }
            grants.add(username + ":" + role);
        });
        inbox = new Inbox(db.dataSource());
    }

    private static ApplicationForm form(String organisation) {
        return new ApplicationForm(organisation, "Ada Lovelace", "ops@acme.example", "https://acme.example", "DE", true);
    }

    @Test
    void anApplicationWaitsInTheQueue() {
        long id = signup.apply("alice", form("Acme AI"));
        ApplicationSummary latest = signup.latest("alice").orElseThrow();
        assertEquals(id, latest.id());
        assertTrue(latest.pending());
        assertEquals(List.of(id), approvals.pending().stream().map(ApplicationSummary::id).toList());
        assertTrue(signup.latest("bob").isEmpty());
    }

    @Test
    void anInvalidFormIsRefusedWithItsFieldErrors() throws SQLException {
        ApplicationException refused = assertThrows(ApplicationException.class, () -> signup.apply("alice",
                new ApplicationForm("Acme AI", "Ada", "nope", "https://acme.example", "DE", false)));
        assertEquals(List.of("contactEmail", "termsAccepted"), refused.fieldErrors().stream().map(FieldError::field).toList());
        assertEquals(0, db.longValue("select count(*) from provider_application"));
    }

    @Test
    void oneApplicationPendingPerUser() {
        signup.apply("alice", form("Acme AI"));
        ApplicationException twice = assertThrows(ApplicationException.class, () -> signup.apply("alice", form("Acme AI")));
        assertTrue(twice.getMessage().contains("already have an application waiting"));
    }

    @Test
    void approvalCreatesTheProviderGrantsTheRoleAuditsAndNotifies() throws SQLException {
        long id = signup.apply("alice", form("Acme AI, Inc."));
        long providerId = approvals.approve(id, "admin");

        assertEquals(List.of("alice:provider"), grants);
        assertEquals(providerId, db.longValue("select id from provider where slug = 'acme-ai-inc' and name = 'Acme AI, Inc.' "
                + "and status = 'active' and take_rate_bps = 500 and not platform_operated"));
        assertEquals(providerId, db.longValue("select provider_id from provider_member where username = 'alice'"));
        ApplicationSummary decided = signup.latest("alice").orElseThrow();
        assertEquals(ApplicationSummary.APPROVED, decided.status());
        assertEquals(providerId, decided.providerId());
        assertEquals(1, db.longValue("select count(*) from provider_application where decided_by = 'admin' and decided_at is not null"));
        assertEquals(1, db.longValue("select count(*) from audit_log where actor = 'admin' and action = 'provider_application.approve' "
                + "and target = 'provider_application:" + id + "'"));
        List<Notice> notices = inbox.recent("alice");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).body().contains("next sign-in"), notices.get(0).body());
        assertEquals(1, inbox.unreadCount("alice"));
        inbox.markAllRead("alice");
        assertEquals(0, inbox.unreadCount("alice"));
        assertTrue(approvals.pending().isEmpty());
    }

    @Test
    void aTakenSlugGetsASuffix() throws SQLException {
        db.provider("acme");
        long providerId = approvals.approve(signup.apply("alice", form("ACME")), "admin");
        assertEquals(providerId, db.longValue("select id from provider where slug = 'acme-2'"));
    }

    @Test
    void aFailedRoleGrantLeavesEverythingAsItWas() throws SQLException {
        long id = signup.apply("alice", form("Acme AI"));
        keycloakDown = true;
        ApplicationException failed = assertThrows(ApplicationException.class, () -> approvals.approve(id, "admin"));
        assertTrue(failed.getMessage().contains("Keycloak did not grant the provider role, so nothing was approved: "
                + "Keycloak answered HTTP 503"), failed.getMessage());
        assertTrue(signup.latest("alice").orElseThrow().pending());
        assertEquals(0, db.longValue("select count(*) from provider"));
        assertEquals(0, db.longValue("select count(*) from provider_member"));
        assertEquals(0, db.longValue("select count(*) from audit_log where target = 'provider_application:" + id + "'"));
        assertEquals(0, inbox.unreadCount("alice"));

        keycloakDown = false;
        approvals.approve(id, "admin");
        assertEquals(List.of("alice:provider"), grants);
    }

    @Test
    void aDecisionIsFinal() {
        long id = signup.apply("alice", form("Acme AI"));
        approvals.approve(id, "admin");
        ApplicationException again = assertThrows(ApplicationException.class, () -> approvals.approve(id, "admin2"));
        assertTrue(again.getMessage().contains("already approved"));
        assertThrows(ApplicationException.class, () -> approvals.reject(id, "admin2", "changed my mind"));
        assertEquals(1, grants.size());
        ApplicationException member = assertThrows(ApplicationException.class, () -> signup.apply("alice", form("Acme 2")));
        assertTrue(member.getMessage().contains("already act for a provider"));
    }

    @Test
    void rejectionNeedsAReasonWhichTheApplicantIsTold() throws SQLException {
        long id = signup.apply("alice", form("Acme AI"));
        assertThrows(ApplicationException.class, () -> approvals.reject(id, "admin", " "));
        assertTrue(signup.latest("alice").orElseThrow().pending());

        approvals.reject(id, "admin", "The website does not resolve.");
        ApplicationSummary rejected = signup.latest("alice").orElseThrow();
        assertEquals(ApplicationSummary.REJECTED, rejected.status());
        assertEquals("The website does not resolve.", rejected.decisionReason());
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'provider_application.reject' "
                + "and reason = 'The website does not resolve.'"));
        assertTrue(inbox.recent("alice").get(0).body().contains("The website does not resolve."));
        assertTrue(grants.isEmpty());
        assertEquals(0, db.longValue("select count(*) from provider"));

        long again = signup.apply("alice", form("Acme AI"));
        assertFalse(again == id, "a rejected user may apply again");
    }

    @Test
    void unknownApplicationsAreClearErrors() {
        ApplicationException missing = assertThrows(ApplicationException.class, () -> approvals.approve(999_999, "admin"));
        assertTrue(missing.getMessage().contains("no application 999999"));
    }
}
