package dev.marketplace.api.provider;

import dev.marketplace.onboarding.providerapi.application.ProviderInsights;
import dev.marketplace.onboarding.tokens.application.ProviderTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code /provider/v1/endpoints}: the provider's endpoints (never their keys) and each one's health. */
@Path("/provider/v1/endpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProviderEndpointsResource {
    @Inject
    ProviderTokens tokens;
    @Inject
    ProviderInsights insights;

    @GET
    public String list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.list(insights.endpoints(provider), ProviderJson::endpoint);
    }

    @GET
    @Path("{id}/health")
    public String health(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        long provider = tokens.authenticate(authorization).providerId();
        return ProviderJson.data(insights.health(provider, ProviderJson.id(id, "endpoint")), ProviderJson::health);
    }
}
