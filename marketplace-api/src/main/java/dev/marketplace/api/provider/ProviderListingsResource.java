package dev.marketplace.api.provider;

import dev.marketplace.onboarding.providerapi.application.ProviderListing;
import dev.marketplace.onboarding.providerapi.application.ProviderListings;
import dev.marketplace.onboarding.tokens.application.ProviderTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /provider/v1/listings}: the token's provider's listings; create and edit drafts. */
@Path("/provider/v1/listings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProviderListingsResource {
    @Inject
    ProviderTokens tokens;
    @Inject
    ProviderListings listings;

    @GET
    public String list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.list(listings.list(provider), ProviderJson::listing);
    }

    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        long provider = tokens.authenticate(authorization).providerId();
        ProviderListing created = listings.createDraft(provider, () -> ProviderBodies.newDraft(body));
        return Response.status(Response.Status.CREATED).entity(ProviderJson.data(created, ProviderJson::listing)).build();
    }

    @GET
    @Path("{id}")
    public String get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.data(listings.get(provider, ProviderJson.id(id, "listing")), ProviderJson::listing);
    }

    @PATCH
    @Path("{id}")
    public String update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                         String body) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.data(listings.updateDraft(provider, ProviderJson.id(id, "listing"),
                () -> ProviderBodies.draftChanges(body)), ProviderJson::listing);
    }
}
