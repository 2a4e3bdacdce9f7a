package dev.marketplace.api.account;

import static dev.marketplace.api.keys.JsonValues.text;
import static dev.marketplace.api.keys.JsonValues.time;
import static dev.marketplace.api.keys.JsonValues.usd;
import static dev.marketplace.api.keys.JsonValues.usdOrNull;

import dev.marketplace.account.application.CurrentKey;
import dev.marketplace.account.application.KeyReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/key}: the calling API key's usage and limit, in OpenRouter's shape (USD). */
@Path("/v1/key")
@RequestScoped
public class KeyResource {
    @Inject
    CurrentKey currentKey;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        KeyReport k = currentKey.describe(authorization);
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("label", k.hint())
                .add("name", k.name())
                .add("usage", usd(k.usage().totalMicros()))
                .add("usage_daily", usd(k.usage().dailyMicros()))
                .add("usage_weekly", usd(k.usage().weeklyMicros()))
                .add("usage_monthly", usd(k.usage().monthlyMicros()))
                .add("limit", usdOrNull(k.limitMicros()))
                .add("limit_remaining", usdOrNull(k.limitRemainingMicros()))
                .add("limit_reset", text(k.limitReset().wireValue()))
                .add("is_free_tier", false)
                .add("is_provisioning_key", false)
                .add("created_at", time(k.createdAt()))
                .add("expires_at", time(k.expiresAt())))
                .build().toString();
    }
}
