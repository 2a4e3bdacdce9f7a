package dev.marketplace.api.account;

import static dev.marketplace.api.keys.JsonValues.text;
import static dev.marketplace.api.keys.JsonValues.time;
import static dev.marketplace.api.keys.JsonValues.usd;

import dev.marketplace.account.application.Generation;
import dev.marketplace.account.application.GenerationLookup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/generation?id=gen-…}: one generation of the key's developer in OpenRouter's shape
 * ({@code latency} in milliseconds, {@code total_cost} in USD, {@code native_tokens_cached}: prompt tokens read from
 * the provider's cache; {@code native_tokens_cache_write}, our addition: prompt tokens written to it); another
 * developer's id is not found.
 */
@Path("/v1/generation")
@RequestScoped
public class GenerationResource {
    @Inject
    GenerationLookup generations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("id") String id) {
        Generation g = generations.find(authorization, id);
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("id", g.id())
                .add("model", g.model())
                .add("provider_name", g.providerName())
                .add("created_at", time(g.createdAt()))
                .add("tokens_prompt", g.promptTokens())
                .add("tokens_completion", g.completionTokens())
                .add("native_tokens_prompt", g.promptTokens())
                .add("native_tokens_completion", g.completionTokens())
                .add("native_tokens_cached", g.cacheReadTokens())
                .add("native_tokens_cache_write", g.cacheWriteTokens())
                .add("total_cost", usd(g.costMicros()))
                .add("usage", usd(g.costMicros()))
                .add("latency", g.latencyMs())
                .add("finish_reason", text(g.finishReason()))
                .add("streamed", g.streamed())
                .add("status", g.status())
                .add("cancelled", g.cancelled()))
                .build().toString();
    }
}
