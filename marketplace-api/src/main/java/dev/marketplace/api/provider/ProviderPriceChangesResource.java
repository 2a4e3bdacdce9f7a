package dev.marketplace.api.provider;

import dev.marketplace.onboarding.pricechanges.application.PriceChanges;
import dev.marketplace.onboarding.pricechanges.application.ScheduledPriceChange;
import dev.marketplace.onboarding.tokens.application.ProviderCaller;
import dev.marketplace.onboarding.tokens.application.ProviderTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /provider/v1/listings/{id}/price-changes}: schedule a complete new price set (increases need notice,
 * decreases may apply at once, drafts change directly), list a listing's changes, cancel a pending one.
 */
@Path("/provider/v1/listings/{id}/price-changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProviderPriceChangesResource {
    @Inject
    ProviderTokens tokens;
    @Inject
    PriceChanges changes;

    @GET
    public String list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.list(changes.ofListing(provider, ProviderJson.id(id, "listing")), ProviderJson::priceChange);
    }

    @POST
    public Response schedule(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                             String body) {
        ProviderCaller caller = tokens.authenticate(authorization);
        long listing = ProviderJson.id(id, "listing");
        ProviderBodies.PriceChangeBody change = ProviderBodies.priceChange(body);
        ScheduledPriceChange scheduled = changes.schedule(caller.providerId(), "token:" + caller.tokenId(), listing,
                change.prices(), change.effectiveAt());
        return Response.status(Response.Status.CREATED)
                .entity(ProviderJson.data(scheduled, ProviderJson::priceChange)).build();
    }

    @DELETE
    @Path("{changeId}")
    public String cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                         @PathParam("changeId") String changeId) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.data(changes.cancel(provider, ProviderJson.id(id, "listing"),
                ProviderJson.id(changeId, "price change")), ProviderJson::priceChange);
    }
}
