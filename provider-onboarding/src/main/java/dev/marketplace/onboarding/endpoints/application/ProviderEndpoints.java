package dev.marketplace.onboarding.endpoints.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.endpoints.domain.EndpointForm;
import dev.marketplace.onboarding.endpoints.infrastructure.EndpointStore;
import dev.marketplace.onboarding.membership.ProviderMembers;
import dev.marketplace.platform.outbound.OutboundUrlRejectedException;
import dev.marketplace.platform.outbound.UrlGuard;
import dev.marketplace.onboarding.signup.domain.FieldError;
import dev.marketplace.platform.secrets.EndpointKeys;
import dev.marketplace.platform.secrets.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A provider member's endpoints. The provider is always the one the signed-in user acts for; an id of another
 * provider's endpoint reads as "no such endpoint". URLs pass the outbound guard before they are stored; the key is
 * sealed with the row's id as context before it is stored, and only its hint is ever shown again. An edit without a
 * new key keeps the stored one. A suspended endpoint (an admin's decision) cannot be changed by the provider.
 */
@ApplicationScoped
public class ProviderEndpoints {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";
    public static final String SUSPENDED = "suspended";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private SecretCipher cipher;
    private UrlGuard guard;
    private final EndpointStore store = new EndpointStore();

    public ProviderEndpoints() {
        // for CDI
    }

    public ProviderEndpoints(DataSource dataSource, SecretCipher cipher, UrlGuard guard) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.guard = guard;
    }

    @PostConstruct
    void start() {
        guard = UrlGuard.fromConfig();
    }

    public List<EndpointSummary> list(String username) {
        return Transactions.withConnection(dataSource, "endpoints of " + username,
                connection -> store.list(connection, ProviderMembers.requireProviderOf(connection, username)));
    }

    public EndpointSummary get(String username, long endpointId) {
        return Transactions.withConnection(dataSource, "endpoint " + endpointId, connection -> store
                .find(connection, ProviderMembers.requireProviderOf(connection, username), endpointId, false)
                .orElseThrow(() -> noSuchEndpoint(endpointId)));
    }

    /** @return the new endpoint's id */
    public long register(String username, EndpointForm form) {
        check(form, true);
        return Transactions.inTransaction(dataSource, "registering an endpoint", connection -> {
            long providerId = ProviderMembers.requireProviderOf(connection, username);
            requireFreeName(connection, providerId, form.name(), -1);
            long id = store.insert(connection, providerId, form);
            store.setKey(connection, id, EndpointKeys.seal(cipher, id, form.apiKey()), EndpointKeys.hint(form.apiKey()));
            return id;
        });
    }

    public void update(String username, long endpointId, EndpointForm form) {
        check(form, false);
        Transactions.inTransaction(dataSource, "editing endpoint " + endpointId, connection -> {
            long providerId = ProviderMembers.requireProviderOf(connection, username);
            requireChangeable(lockOwned(connection, providerId, endpointId));
            requireFreeName(connection, providerId, form.name(), endpointId);
            store.update(connection, providerId, endpointId, form);
            if (form.hasNewKey()) {
                store.setKey(connection, endpointId, EndpointKeys.seal(cipher, endpointId, form.apiKey()),
                        EndpointKeys.hint(form.apiKey()));
            }
            return null;
        });
    }

    /** Takes the endpoint out of routing (its listings stay as they are, but are not served). */
    public void disable(String username, long endpointId) {
        setStatus(username, endpointId, DISABLED);
    }

    public void enable(String username, long endpointId) {
        setStatus(username, endpointId, ACTIVE);
    }

    private void setStatus(String username, long endpointId, String status) {
        Transactions.inTransaction(dataSource, "setting endpoint " + endpointId + " " + status, connection -> {
            long providerId = ProviderMembers.requireProviderOf(connection, username);
            requireChangeable(lockOwned(connection, providerId, endpointId));
            store.setStatus(connection, providerId, endpointId, status);
            return null;
        });
    }

    private void check(EndpointForm form, boolean creating) {
        List<FieldError> errors = new ArrayList<>(form.errors(creating));
        guardField(errors, "baseUrl", form.baseUrl());
        if (form.hasListModelsUrl()) {
            guardField(errors, "listModelsUrl", form.listModelsUrl());
        }
        if (!errors.isEmpty()) {
            throw new EndpointException("Some fields need attention", errors);
        }
    }

    private void guardField(List<FieldError> errors, String field, String url) {
        if (errors.stream().anyMatch(e -> e.field().equals(field))) {
            return;
        }
        try {
            guard.check(url);
        } catch (OutboundUrlRejectedException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }

    private EndpointSummary lockOwned(Connection connection, long providerId, long endpointId) throws SQLException {
        return store.find(connection, providerId, endpointId, true).orElseThrow(() -> noSuchEndpoint(endpointId));
    }

    private static void requireChangeable(EndpointSummary endpoint) {
        if (SUSPENDED.equals(endpoint.status())) {
            throw new EndpointException("Endpoint " + endpoint.name() + " is suspended by an administrator: it cannot be "
                    + "changed until the suspension is lifted");
        }
    }

    private void requireFreeName(Connection connection, long providerId, String name, long exceptId) throws SQLException {
        if (store.nameTaken(connection, providerId, name, exceptId)) {
            throw new EndpointException("Some fields need attention",
                    List.of(new FieldError("name", "You already have an endpoint named " + name)));
        }
    }

    static EndpointException noSuchEndpoint(long endpointId) {
        return new EndpointException("You have no endpoint " + endpointId);
    }
}
