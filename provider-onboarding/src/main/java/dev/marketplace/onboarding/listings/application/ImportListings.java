package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.endpoints.application.EndpointSummary;
import dev.marketplace.onboarding.endpoints.infrastructure.EndpointStore;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ListingLifecycle;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import dev.marketplace.onboarding.listings.domain.ModelsDocument;
import dev.marketplace.onboarding.listings.infrastructure.ImportStore;
import dev.marketplace.onboarding.listings.infrastructure.ImportStore.EndpointListing;
import dev.marketplace.onboarding.listings.infrastructure.ImportStore.RegistryEntry;
import dev.marketplace.platform.outbound.FetchFailedException;
import dev.marketplace.platform.outbound.GuardedFetch;
import dev.marketplace.platform.outbound.OutboundUrlRejectedException;
import dev.marketplace.platform.secrets.EndpointKeys;
import dev.marketplace.platform.secrets.SecretCipher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Imports the List Models document of one of a provider's endpoints into draft listings of that endpoint, all or
 * nothing: a document with any problem (its own, a slug under an author namespace another provider owns, a slug
 * another provider has proposed) writes nothing and reports every problem; a clean one, in one transaction, creates
 * or updates a draft listing per item, proposes models new to the registry (their listings stay drafts until an
 * admin accepts the proposal) and leaves listings already past draft as they are.
 */
public class ImportListings {

    private final DataSource dataSource;
    private final GuardedFetch fetch;
    private final SecretCipher cipher;
    private final EndpointStore endpoints = new EndpointStore();
    private final ImportStore store = new ImportStore();

    public ImportListings(DataSource dataSource, GuardedFetch fetch, SecretCipher cipher) {
        this.dataSource = dataSource;
        this.fetch = fetch;
        this.cipher = cipher;
    }

    /** Fetches the endpoint's List Models URL with its key as a bearer token, then imports the document. */
    public ImportReport fromEndpoint(long providerId, long endpointId) {
        record Source(String url, String key) {
        }
        Source source = Transactions.withConnection(dataSource, "endpoint " + endpointId, connection -> {
            EndpointSummary endpoint = endpoints.find(connection, providerId, endpointId, false)
                    .orElseThrow(() -> new ListingException("You have no endpoint " + endpointId));
            if (endpoint.listModelsUrl() == null) {
                throw new ListingException("Endpoint " + endpoint.name() + " has no List Models URL: add one to import from it");
            }
            return new Source(endpoint.listModelsUrl(), EndpointKeys.open(cipher, endpointId,
                    endpoints.storedKey(connection, providerId, endpointId).orElse(null)));
        });
        byte[] body;
        try {
            body = fetch.get(source.url(), source.key() == null || source.key().isBlank() ? Map.of()
                    : Map.of("Authorization", "Bearer " + source.key()));
        } catch (OutboundUrlRejectedException | FetchFailedException e) {
            return ImportReport.refused(List.of(new ItemProblem(-1, null, "url", e.getMessage())));
        }
        return fromDocument(providerId, endpointId, source.url(), ModelsDocument.parse(body));
    }

    public ImportReport fromDocument(long providerId, long endpointId, String sourceUrl, ModelsDocument document) {
        if (!document.valid()) {
            return ImportReport.refused(document.problems());
        }
        return Transactions.inTransaction(dataSource, "importing listings for endpoint " + endpointId,
                connection -> write(connection, providerId, endpointId, sourceUrl, document.proposals()));
    }

    private ImportReport write(Connection connection, long providerId, long endpointId, String sourceUrl,
                               List<ListingProposal> proposals) throws SQLException {
        store.lockProvider(connection, providerId);
        if (endpoints.find(connection, providerId, endpointId, true).isEmpty()) {
            throw new ListingException("You have no endpoint " + endpointId);
        }
        Map<String, RegistryEntry> registry = store.registry(connection, proposals.stream().map(ListingProposal::modelSlug).toList());
        Map<String, Long> owners = store.authorOwners(connection,
                proposals.stream().map(ListingProposal::author).collect(Collectors.toSet()));
        List<ItemProblem> problems = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            ListingProposal p = proposals.get(i);
            int index = i;
            ownershipProblem(p, registry.get(p.modelSlug()), owners, providerId)
                    .ifPresent(message -> problems.add(new ItemProblem(index, p.upstreamModel(), "id", message)));
        }
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        Map<Long, EndpointListing> existing = store.listingsOfEndpoint(connection, endpointId);
        int created = 0;
        int updated = 0;
        List<String> proposed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ListingProposal p : proposals) {
            RegistryEntry entry = registry.get(p.modelSlug());
            long modelId;
            if (entry == null) {
                modelId = store.proposeModel(connection, providerId, p);
                proposed.add(p.modelSlug());
            } else if (!"accepted".equals(entry.status())) {
                store.reproposeModel(connection, entry.id(), p);
                modelId = entry.id();
                proposed.add(p.modelSlug());
            } else {
                modelId = entry.id();
            }
            EndpointListing listing = existing.get(modelId);
            if (listing == null) {
                store.insertDraft(connection, modelId, endpointId, p, sourceUrl);
                created++;
            } else if (ListingLifecycle.DRAFT.equals(listing.status())) {
                store.updateDraft(connection, listing.id(), p, sourceUrl);
                updated++;
            } else {
                kept.add(p.modelSlug() + " (" + listing.status() + ")");
            }
        }
        return new ImportReport(true, proposals, created, updated, proposed, kept, List.of());
    }

    /** Why this provider may not list the item's slug, if it may not. */
    static Optional<String> ownershipProblem(ListingProposal p, RegistryEntry entry, Map<String, Long> owners,
                                                       long providerId) {
        if (entry != null) {
            if ("accepted".equals(entry.status()) || Long.valueOf(providerId).equals(entry.proposedBy())) {
                return Optional.empty();
            }
            return Optional.of("the slug " + p.modelSlug() + " is another provider's registry proposal: "
                    + "list it once an admin has accepted it, or use your own author name");
        }
        Long owner = owners.get(p.author());
        if (owner != null && owner != providerId) {
            return Optional.of("the slug " + p.modelSlug() + " is under the author '" + p.author()
                    + "', which belongs to another provider: list an existing model of it or use your own author name");
        }
        return Optional.empty();
    }
}
