package dev.marketplace.onboarding.signup.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.signup.domain.ProviderSlugs;
import dev.marketplace.onboarding.signup.infrastructure.ApplicationStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The admin queue of provider applications. Approving creates the provider and its member, grants the realm role,
 * audits and notifies, in one local transaction: the role is granted last, before commit, so a failed grant leaves
 * the application pending (and a grant whose commit then fails is repaired by approving again: grants are
 * idempotent). Rejecting needs a reason, which the applicant is told.
 */
@ApplicationScoped
public class ProviderApprovals {

    public static final String PROVIDER_ROLE = "provider";
    private static final int MAX_SLUG_ATTEMPTS = 50;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private RoleGrants roleGrants;
    private final ApplicationStore store = new ApplicationStore();

    public ProviderApprovals() {
        // for CDI
    }

    public ProviderApprovals(DataSource dataSource, RoleGrants roleGrants) {
        this.dataSource = dataSource;
        this.roleGrants = roleGrants;
    }

    public List<ApplicationSummary> pending() {
        return Transactions.withConnection(dataSource, "pending provider applications", store::pending);
    }

    /** @return the new provider's id */
    public long approve(long applicationId, String admin) {
        return Transactions.inTransaction(dataSource, "approving provider application " + applicationId, connection -> {
            ApplicationSummary application = lockPending(connection, applicationId);
            if (store.isMember(connection, application.username())) {
                throw new ApplicationException(application.username() + " already acts for a provider");
            }
            long providerId = createProvider(connection, application.organisation());
            store.insertMember(connection, providerId, application.username());
            store.decide(connection, applicationId, ApplicationSummary.APPROVED, admin, null, providerId);
            AuditLog.append(connection, admin, "provider_application.approve", "provider_application:" + applicationId, null);
            Inbox.send(connection, application.username(), "Your provider application is approved",
                    "Welcome, " + application.organisation() + ". Sign out and in again (or wait for your next token "
                            + "refresh) to see the Provider area: the provider role appears with your next sign-in.");
            grantRole(application.username());
            return providerId;
        });
    }

    public void reject(long applicationId, String admin, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 1000) {
            throw new ApplicationException("A rejection needs a reason (3 to 1000 characters); the applicant is told it");
        }
        Transactions.inTransaction(dataSource, "rejecting provider application " + applicationId, connection -> {
            ApplicationSummary application = lockPending(connection, applicationId);
            store.decide(connection, applicationId, ApplicationSummary.REJECTED, admin, why, null);
            AuditLog.append(connection, admin, "provider_application.reject", "provider_application:" + applicationId, why);
            Inbox.send(connection, application.username(), "Your provider application was not approved",
                    "Reason: " + why + " You may apply again.");
            return null;
        });
    }

    private void grantRole(String username) {
        try {
            roleGrants.grantRealmRole(username, PROVIDER_ROLE);
        } catch (RuntimeException e) {
            throw new ApplicationException("Keycloak did not grant the provider role, so nothing was approved: "
                    + e.getMessage(), e);
        }
    }

    private ApplicationSummary lockPending(Connection connection, long applicationId) throws SQLException {
        ApplicationSummary application = store.lock(connection, applicationId)
                .orElseThrow(() -> new ApplicationException("There is no application " + applicationId));
        if (!application.pending()) {
            throw new ApplicationException("Application " + applicationId + " was already " + application.status());
        }
        return application;
    }

    private long createProvider(Connection connection, String organisation) throws SQLException {
        String slug = ProviderSlugs.fromOrganisation(organisation);
        for (int attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
            Optional<Long> id = store.insertProvider(connection, ProviderSlugs.alternative(slug, attempt), organisation);
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new ApplicationException("No free provider slug near '" + slug + "': rename the organisation");
    }
}
