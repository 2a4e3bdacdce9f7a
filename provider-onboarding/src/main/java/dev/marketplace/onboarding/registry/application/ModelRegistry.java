package dev.marketplace.onboarding.registry.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.registry.domain.ModelForm;
import dev.marketplace.onboarding.registry.infrastructure.RegistryStore;
import dev.marketplace.onboarding.signup.domain.FieldError;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The registry as admins curate it. Creating and editing models is for admins only (the portal's role gate; the
 * admin's name is audited). A provider's proposal is accepted — the model becomes listable, and the proposing
 * provider claims the author namespace if nobody owns it (if another provider owns it by now, accepting is refused:
 * reject instead) — or rejected with a reason the provider's members read in their inbox.
 */
@ApplicationScoped
public class ModelRegistry {

    public static final String PROPOSED = "proposed";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final int MAX_SHOWN = 1_000;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private final RegistryStore store = new RegistryStore();

    public ModelRegistry() {
        // for CDI
    }

    public ModelRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<RegistryModel> models() {
        return Transactions.withConnection(dataSource, "registry models", c -> store.inStatus(c, ACCEPTED, MAX_SHOWN));
    }

    public List<RegistryModel> proposals() {
        return Transactions.withConnection(dataSource, "registry proposals", c -> store.inStatus(c, PROPOSED, MAX_SHOWN));
    }

    public long create(String admin, ModelForm form) {
        requireValid(form);
        return Transactions.inTransaction(dataSource, "creating model " + form.slug(), connection -> {
            if (store.slugExists(connection, form.slug())) {
                throw new RegistryException("Some fields need attention",
                        List.of(new FieldError("slug", form.slug() + " is already in the registry (or proposed)")));
            }
            long id = store.insert(connection, form);
            AuditLog.append(connection, admin, "model.create", "model:" + id, form.slug());
            return id;
        });
    }

    /** Edits an accepted model's descriptive fields (the slug stays). */
    public void update(String admin, long modelId, ModelForm form) {
        requireValid(form);
        Transactions.inTransaction(dataSource, "editing model " + modelId, connection -> {
            RegistryModel model = lock(connection, modelId);
            if (!model.slug().equals(form.slug())) {
                throw new RegistryException("Some fields need attention",
                        List.of(new FieldError("slug", "A model's slug cannot change (listings and usage refer to it)")));
            }
            store.update(connection, modelId, form);
            AuditLog.append(connection, admin, "model.update", "model:" + modelId, model.slug());
            return null;
        });
    }

    public void accept(String admin, long modelId) {
        Transactions.inTransaction(dataSource, "accepting model proposal " + modelId, connection -> {
            RegistryModel model = lockProposal(connection, modelId);
            long proposer = store.proposer(connection, modelId).orElseThrow();
            String author = model.slug().substring(0, model.slug().indexOf('/'));
            Optional<Long> owner = store.authorOwner(connection, author);
            if (owner.isPresent() && owner.get() != proposer) {
                throw new RegistryException("The author namespace '" + author + "' belongs to another provider now: "
                        + "reject this proposal");
            }
            store.claimAuthor(connection, author, proposer);
            store.decide(connection, modelId, ACCEPTED, admin, null);
            AuditLog.append(connection, admin, "model.accept", "model:" + modelId, model.slug());
            tell(connection, proposer, "Your model " + model.slug() + " is in the registry",
                    "An administrator accepted it" + (owner.isEmpty() ? " and the author namespace '" + author
                            + "' is yours now" : "") + ". Submit its draft listings once their verification probe passes.");
            return null;
        });
    }

    public void reject(String admin, long modelId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 1_000) {
            throw new RegistryException("A rejection needs a reason (3 to 1000 characters); the provider is told it");
        }
        Transactions.inTransaction(dataSource, "rejecting model proposal " + modelId, connection -> {
            RegistryModel model = lockProposal(connection, modelId);
            long proposer = store.proposer(connection, modelId).orElseThrow();
            store.decide(connection, modelId, REJECTED, admin, why);
            AuditLog.append(connection, admin, "model.reject", "model:" + modelId, why);
            tell(connection, proposer, "Your model proposal " + model.slug() + " was not accepted",
                    "Reason: " + why + " Its draft listings cannot be submitted; change it and import again to propose it again.");
            return null;
        });
    }

    private static void requireValid(ModelForm form) {
        List<FieldError> errors = form.errors();
        if (!errors.isEmpty()) {
            throw new RegistryException("Some fields need attention", errors);
        }
    }

    private RegistryModel lock(Connection connection, long modelId) throws SQLException {
        return store.lock(connection, modelId).orElseThrow(() -> new RegistryException("There is no model " + modelId));
    }

    private RegistryModel lockProposal(Connection connection, long modelId) throws SQLException {
        RegistryModel model = lock(connection, modelId);
        if (!PROPOSED.equals(model.registryStatus())) {
            throw new RegistryException(model.slug() + " is not a pending proposal (it is " + model.registryStatus() + ")");
        }
        return model;
    }

    private static void tell(Connection connection, long providerId, String subject, String body) throws SQLException {
        Inbox.sendToProviderMembers(connection, providerId, subject, body);
    }
}
