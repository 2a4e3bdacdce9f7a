package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.providerapi.domain.DraftFields;
import dev.marketplace.onboarding.providerapi.domain.InvalidDraftException;
import dev.marketplace.onboarding.providerapi.infrastructure.ListingRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The provider's listings: list, read, create a draft (one of its endpoints, a model of the registry) and edit a
 * draft. Drafts stay drafts: submitting, approval and pausing belong to the listing lifecycle, and a listing past
 * draft changes price only through a price change. Another provider's listing or endpoint is "not found".
 */
@ApplicationScoped
public class ProviderListings {
    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    private final ListingRows rows = new ListingRows();

    public ProviderListings() {
    }

    public ProviderListings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ProviderListing> list(long providerId) {
        return Transactions.withConnection(dataSource, "list listings", c -> rows.list(c, providerId));
    }

    public ProviderListing get(long providerId, long listingId) {
        return Transactions.withConnection(dataSource, "read listing", c -> rows.find(c, providerId, listingId))
                .orElseThrow(() -> ProviderApiException.notFound("listing"));
    }

    public ProviderListing createDraft(long providerId, Supplier<NewDraft> body) {
        NewDraft draft = checked(body);
        String upstream = checked(() -> DraftFields.upstreamModel(draft.upstreamModel()));
        String quantization = checked(() -> DraftFields.quantization(draft.quantization()));
        List<String> parameters = checked(() -> DraftFields.supportedParameters(draft.supportedParameters()));
        return Transactions.inTransaction(dataSource, "create draft listing", c -> {
            if (!rows.ownsEndpoint(c, providerId, draft.endpointId())) {
                throw new ProviderApiException(404, "not_found_error", "No endpoint with that id", "endpoint_id");
            }
            long modelId = rows.modelId(c, draft.model()).orElseThrow(() -> ProviderApiException.badRequest(
                    "No registry model " + draft.model() + ": propose it to the registry first", "model"));
            if (rows.listed(c, modelId, draft.endpointId())) {
                throw ProviderApiException.conflict("This endpoint already lists " + draft.model(), "model");
            }
            long id = rows.insertDraft(c, modelId, draft.endpointId(), upstream, draft.prices(), quantization, parameters);
            return rows.find(c, providerId, id).orElseThrow();
        });
    }

    public ProviderListing updateDraft(long providerId, long listingId, Supplier<DraftChanges> body) {
        return Transactions.inTransaction(dataSource, "update draft listing", c -> {
            ProviderListing current = rows.lock(c, providerId, listingId)
                    .orElseThrow(() -> ProviderApiException.notFound("listing"));
            DraftChanges changes = checked(body);
            if (!"draft".equals(current.status())) {
                throw ProviderApiException.conflict("Listing " + listingId + " is " + current.status()
                        + ": only drafts can be edited; change its prices with POST /listings/" + listingId
                        + "/price-changes", "listing_id");
            }
            String upstream = changes.upstreamModel() == null ? current.upstreamModel()
                    : checked(() -> DraftFields.upstreamModel(changes.upstreamModel()));
            PriceSet prices = changes.prices() == null ? current.prices() : checked(() -> changes.prices().apply(current.prices()));
            String quantization = changes.quantizationGiven()
                    ? checked(() -> DraftFields.quantization(changes.quantization())) : current.quantization();
            List<String> parameters = changes.parametersGiven()
                    ? checked(() -> DraftFields.supportedParameters(changes.supportedParameters())) : current.supportedParameters();
            rows.updateDraft(c, listingId, upstream, prices, quantization, parameters);
            return rows.find(c, providerId, listingId).orElseThrow();
        });
    }

    /** Runs a parse or a rule and turns its field error into a 400 naming the field. */
    static <T> T checked(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidDraftException e) {
            throw ProviderApiException.badRequest(e.getMessage(), e.field());
        } catch (InvalidPriceException e) {
            throw ProviderApiException.badRequest(e.getMessage(), e.field());
        }
    }
}
