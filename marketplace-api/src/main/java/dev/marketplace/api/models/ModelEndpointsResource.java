package dev.marketplace.api.models;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.stats.EndpointStats;
import dev.marketplace.catalog.stats.EndpointStatsReader;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/models/{author}/{slug}/endpoints}: the live endpoints serving one model in routing order,
 * OpenRouter's shape, each with its price, limits and health from real traffic (uptime over 5 min / 30 min / 1 day,
 * latency and throughput percentiles over 30 min; null where there was no traffic to measure), its declared
 * parameters, data retention and capacity limits, and {@code capped_last_1d}: calls of the last day whose reported
 * usage was above what the call allowed (billed at the cap, flagged against the provider). Public, as
 * {@code /v1/models} is; the stats are cached for a few seconds ({@link EndpointStatsReader}).
 */
@Path("/v1/models/{author}/{slug}/endpoints")
@RequestScoped
public class ModelEndpointsResource {
    @Inject
    CatalogSnapshot catalog;
    @Inject
    EndpointStatsReader stats;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String endpoints(@PathParam("author") String author, @PathParam("slug") String slug) {
        String id = author + "/" + slug;
        List<Route> routes = catalog.routes(id);
        Model model = routes.isEmpty() ? null
                : catalog.liveModels().stream().filter(m -> m.getSlug().equals(id)).findFirst().orElse(null);
        if (model == null) {
            throw GatewayException.modelNotFound(id);
        }
        Map<Long, EndpointStats> byListing = stats.forListings(routes.stream().map(Route::listingId).toList());
        JsonArrayBuilder endpoints = JsonP.createArrayBuilder();
        for (Route route : routes) {
            endpoints.add(endpoint(route, byListing.getOrDefault(route.listingId(), EndpointStats.none(route.listingId()))));
        }
        long created = model.getCreatedAt() == null ? 0 : model.getCreatedAt().getEpochSecond();
        return JsonP.createObjectBuilder().add("data", JsonP.createObjectBuilder()
                .add("id", model.getSlug())
                .add("name", model.getName())
                .add("created", created)
                .add("description", model.getDescription())
                .add("architecture", JsonP.createObjectBuilder()
                        .add("modality", "text->text")
                        .add("input_modalities", JsonP.createArrayBuilder().add("text"))
                        .add("output_modalities", JsonP.createArrayBuilder().add("text")))
                .add("endpoints", endpoints))
                .build().toString();
    }

    private static JsonObject endpoint(Route r, EndpointStats s) {
        return JsonP.createObjectBuilder()
                .add("name", r.providerName() + " | " + r.modelSlug())
                .add("provider_name", r.providerName())
                .add("tag", r.providerSlug())
                .add("context_length", r.contextLength())
                .add("max_completion_tokens", r.maxOutputTokens())
                .add("pricing", PricingJson.pricing(r.prices()))
                .add("quantization", "unknown")
                .add("status", 0)
                .add("uptime_last_5m", number(s.uptimeLast5m()))
                .add("uptime_last_30m", number(s.uptimeLast30m()))
                .add("uptime_last_1d", number(s.uptimeLast1d()))
                .add("latency_last_30m", percentiles(s.latencyLast30m()))
                .add("throughput_last_30m", percentiles(s.throughputLast30m()))
                .add("supported_parameters", ModelsResource.parameters(r.supportedParameters()))
                .add("data_retention", r.endpoint().dataRetention())
                .add("max_concurrency", integer(r.endpoint().maxConcurrency()))
                .add("max_requests_per_minute", integer(r.endpoint().maxRequestsPerMinute()))
                .add("capped_last_1d", s.cappedLast1d())
                .build();
    }

    private static JsonValue integer(Integer value) {
        return value == null ? JsonValue.NULL : JsonP.createValue(java.math.BigDecimal.valueOf(value));
    }

    private static JsonValue percentiles(EndpointStats.Percentiles p) {
        if (p == null) {
            return JsonValue.NULL;
        }
        return JsonP.createObjectBuilder()
                .add("p50", p.p50()).add("p75", p.p75()).add("p90", p.p90()).add("p99", p.p99()).build();
    }

    private static JsonValue number(Double value) {
        return value == null ? JsonValue.NULL : JsonP.createValue(BigDecimal.valueOf(value));
    }
}
