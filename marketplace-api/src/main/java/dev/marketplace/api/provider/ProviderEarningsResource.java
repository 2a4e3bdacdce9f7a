package dev.marketplace.api.provider;

import dev.marketplace.onboarding.providerapi.application.EarningsRow;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.providerapi.application.ProviderInsights;
import dev.marketplace.onboarding.tokens.application.ProviderTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /provider/v1/earnings?from=YYYY-MM-DD&to=YYYY-MM-DD}: requests, tokens, gross, fee and net per model and
 * UTC day from the posted usage journals, with the totals of the range. Both dates default to today (UTC).
 */
@Path("/provider/v1/earnings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProviderEarningsResource {
    @Inject
    ProviderTokens tokens;
    @Inject
    ProviderInsights insights;

    @GET
    public String earnings(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        long provider = tokens.authenticate(authorization).providerId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = date(from, "from", today);
        LocalDate last = date(to, "to", today);
        List<EarningsRow> rows = insights.earnings(provider, first, last);
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(r -> data.add(ProviderJson.earnings(r)));
        return Json.createObjectBuilder().add("from", first.toString()).add("to", last.toString()).add("data", data)
                .add("totals", Json.createObjectBuilder()
                        .add("requests", rows.stream().mapToLong(EarningsRow::requests).sum())
                        .add("gross_micros", rows.stream().mapToLong(EarningsRow::grossMicros).sum())
                        .add("fee_micros", rows.stream().mapToLong(EarningsRow::feeMicros).sum())
                        .add("net_micros", rows.stream().mapToLong(EarningsRow::netMicros).sum()))
                .build().toString();
    }

    private static LocalDate date(String value, String param, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProviderApiException.badRequest(param + " must be a date, YYYY-MM-DD", param);
        }
    }
}
