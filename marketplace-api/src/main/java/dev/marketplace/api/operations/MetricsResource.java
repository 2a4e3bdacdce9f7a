package dev.marketplace.api.operations;

import dev.marketplace.platform.operations.MetricsExposition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/metrics}: the application's metrics in the Prometheus text format. */
@Path("/metrics")
@RequestScoped
public class MetricsResource {
    @Inject
    MetricsExposition metrics;

    @GET
    public Response metrics() {
        return Response.ok(metrics.render(), MetricsExposition.CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }
}
