package dev.marketplace.api.operations;

import dev.marketplace.platform.JsonP;
import dev.marketplace.platform.operations.Readiness;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health/ready}: 200 UP when this node can serve (its database answers), else 503 DOWN;
 * {@code GET /api/health/live}: 200 UP while the application is deployed. Same shape as MicroProfile Health.
 */
@Path("/health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    @Inject
    Readiness readiness;

    @GET
    @Path("/ready")
    public Response ready() {
        Readiness.Check db = readiness.database();
        JsonObjectBuilder check = JsonP.createObjectBuilder().add("name", db.name()).add("status", db.up() ? "UP" : "DOWN");
        if (db.detail() != null) {
            check.add("data", JsonP.createObjectBuilder().add("detail", db.detail()));
        }
        JsonObject body = JsonP.createObjectBuilder().add("status", db.up() ? "UP" : "DOWN")
                .add("checks", JsonP.createArrayBuilder().add(check)).build();
        return Response.status(db.up() ? 200 : 503).entity(body.toString()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/live")
    public Response live() {
        JsonObject body = JsonP.createObjectBuilder().add("status", "UP").add("checks", JsonP.createArrayBuilder()).build();
        return Response.ok(body.toString()).header("Cache-Control", "no-store").build();
    }
}
