package dev.marketplace.api.provider;

import jakarta.enterprise.context.RequestScoped;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /provider/v1/me}: who the bearer token belongs to, as the provider API sees it. */
@Path("/provider/v1/me")
@RequestScoped
public class ProviderIdentityResource {
    private static final String[] ROLES = {"developer", "provider", "finance", "admin"};

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me(@Context SecurityContext security) {
        JsonArrayBuilder roles = JsonP.createArrayBuilder();
        for (String role : ROLES) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return JsonP.createObjectBuilder().add("username", security.getUserPrincipal().getName()).add("roles", roles)
                .build().toString();
    }
}
