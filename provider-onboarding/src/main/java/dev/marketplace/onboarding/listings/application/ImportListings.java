package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import dev.marketplace.onboarding.listings.domain.ModelsDocument;
import dev.marketplace.onboarding.listings.infrastructure.DraftStore;
import dev.marketplace.onboarding.outbound.FetchFailedException;
import dev.marketplace.onboarding.outbound.GuardedFetch;
import dev.marketplace.onboarding.outbound.OutboundUrlRejectedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Imports a provider's List Models document as draft listings, all or nothing: a document with any problem (its
 * own, or a slug under an author namespace another provider owns) writes nothing and reports every problem; a clean
 * one creates or updates all its drafts in one transaction.
 */
public class ImportListings {

    private final DataSource dataSource;
    private final GuardedFetch fetch;
    private final DraftStore store = new DraftStore();

    public ImportListings(DataSource dataSource, GuardedFetch fetch) {
        this.dataSource = dataSource;
        this.fetch = fetch;
    }

    /** Fetches {@code url} (with the provider's upstream key as a bearer token when given) and imports it. */
    public ImportReport fromUrl(long providerId, String url, String upstreamApiKey) {
        byte[] body;
        try {
            body = fetch.get(url, upstreamApiKey == null || upstreamApiKey.isBlank() ? Map.of()
                    : Map.of("Authorization", "Bearer " + upstreamApiKey));
        } catch (OutboundUrlRejectedException | FetchFailedException e) {
            return ImportReport.refused(List.of(new ItemProblem(-1, null, "url", e.getMessage())));
        }
        return fromDocument(providerId, url, ModelsDocument.parse(body));
    }

    public ImportReport fromDocument(long providerId, String sourceUrl, ModelsDocument document) {
        if (!document.valid()) {
            return ImportReport.refused(document.problems());
        }
        return Transactions.inTransaction(dataSource, "importing listings for provider " + providerId,
                connection -> write(connection, providerId, sourceUrl, document.proposals()));
    }

    private ImportReport write(Connection connection, long providerId, String sourceUrl, List<ListingProposal> proposals)
            throws SQLException {
        store.lockProvider(connection, providerId);
        Set<String> existing = store.existingModels(connection, proposals.stream().map(ListingProposal::modelSlug).toList());
        Map<String, Long> owners = store.authorOwners(connection,
                proposals.stream().map(ListingProposal::author).collect(Collectors.toSet()));
        Map<String, String> drafted = store.draftUpstreamsBySlug(connection, providerId);
        List<ItemProblem> problems = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            ListingProposal p = proposals.get(i);
            Long owner = owners.get(p.author());
            if (!existing.contains(p.modelSlug()) && owner != null && owner != providerId) {
                problems.add(new ItemProblem(i, p.upstreamModel(), "id", "the slug " + p.modelSlug() + " is under the author '"
                        + p.author() + "', which belongs to another provider: list an existing model of it or use your own author name"));
            }
            String otherUpstream = drafted.get(p.modelSlug());
            if (otherUpstream != null && !otherUpstream.equals(p.upstreamModel())) {
                problems.add(new ItemProblem(i, p.upstreamModel(), "id", "the slug " + p.modelSlug()
                        + " is already drafted from your model id '" + otherUpstream + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        store.upsert(connection, providerId, sourceUrl, proposals, existing);
        return new ImportReport(true, proposals, List.of());
    }

    public List<DraftListing> drafts(long providerId) {
        return Transactions.withConnection(dataSource, "listing drafts", connection -> store.list(connection, providerId));
    }
}
