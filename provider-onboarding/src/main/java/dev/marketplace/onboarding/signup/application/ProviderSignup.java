package dev.marketplace.onboarding.signup.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.signup.domain.ApplicationForm;
import dev.marketplace.onboarding.signup.domain.FieldError;
import dev.marketplace.onboarding.signup.infrastructure.ApplicationStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A signed-in user applies to become a provider, and sees where their application stands. */
@ApplicationScoped
public class ProviderSignup {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private final ApplicationStore store = new ApplicationStore();

    public ProviderSignup() {
        // for CDI
    }

    public ProviderSignup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the new application's id */
    public long apply(String username, ApplicationForm form) {
        List<FieldError> errors = form.errors();
        if (!errors.isEmpty()) {
            throw new ApplicationException("Some fields need attention", errors);
        }
        return Transactions.inTransaction(dataSource, "provider application of " + username, connection -> {
            if (store.isMember(connection, username)) {
                throw new ApplicationException("You already act for a provider");
            }
            return store.insert(connection, username, form).orElseThrow(() ->
                    new ApplicationException("You already have an application waiting for review"));
        });
    }

    public Optional<ApplicationSummary> latest(String username) {
        return Transactions.withConnection(dataSource, "provider application of " + username,
                connection -> store.latestOf(connection, username));
    }
}
