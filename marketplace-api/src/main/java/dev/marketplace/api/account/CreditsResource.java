package dev.marketplace.api.account;

import static dev.marketplace.api.keys.JsonValues.usd;

import dev.marketplace.account.application.CreditTotals;
import dev.marketplace.account.application.Credits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/credits}: the key's developer's total credits and total usage (USD), from the ledger. */
@Path("/v1/credits")
@RequestScoped
public class CreditsResource {
    @Inject
    CreditTotals credits;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Credits c = credits.of(authorization);
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("total_credits", usd(c.totalCreditsMicros()))
                .add("total_usage", usd(c.totalUsageMicros())))
                .build().toString();
    }
}
