package dev.marketplace.api.provider;

import dev.marketplace.onboarding.pricechanges.application.ScheduledPriceChange;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.providerapi.application.EarningsRow;
import dev.marketplace.onboarding.providerapi.application.EndpointHealth;
import dev.marketplace.onboarding.providerapi.application.ProviderEndpointSummary;
import dev.marketplace.onboarding.providerapi.application.ProviderListing;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** How the provider API's records leave as JSON: snake_case fields, micro-USD integers, ISO-8601 instants. */
final class ProviderJson {
    private ProviderJson() {
    }

    static JsonObject listing(ProviderListing l) {
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        l.supportedParameters().forEach(parameters::add);
        return Json.createObjectBuilder().add("id", l.id()).add("model", l.model()).add("endpoint_id", l.endpointId())
                .add("endpoint_name", l.endpointName()).add("upstream_model", l.upstreamModel()).add("status", l.status())
                .add("prices", prices(l.prices())).add("quantization", text(l.quantization()))
                .add("supported_parameters", parameters).add("created_at", time(l.createdAt())).build();
    }

    static JsonObject priceChange(ScheduledPriceChange c) {
        return Json.createObjectBuilder().add("id", c.id()).add("listing_id", c.listingId()).add("status", c.status())
                .add("prices", prices(c.prices())).add("effective_at", time(c.effectiveAt()))
                .add("created_by", c.createdBy()).add("created_at", time(c.createdAt()))
                .add("applied_at", time(c.appliedAt())).add("cancelled_at", time(c.cancelledAt())).build();
    }

    static JsonObject endpoint(ProviderEndpointSummary e) {
        return Json.createObjectBuilder().add("id", e.id()).add("name", e.name()).add("base_url", e.baseUrl())
                .add("protocol", e.protocol()).add("status", e.status()).build();
    }

    static JsonObject health(EndpointHealth h) {
        JsonObjectBuilder errors = Json.createObjectBuilder();
        h.errorClassesLast1d().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> errors.add(e.getKey(), e.getValue()));
        return Json.createObjectBuilder().add("endpoint_id", h.endpointId()).add("name", h.name()).add("status", h.status())
                .add("uptime", Json.createObjectBuilder().add("last_5m", number(h.uptimeLast5m()))
                        .add("last_30m", number(h.uptimeLast30m())).add("last_1d", number(h.uptimeLast1d())))
                .add("latency_ms_last_30m", Json.createObjectBuilder().add("p50", number(h.latencyP50Ms()))
                        .add("p95", number(h.latencyP95Ms())))
                .add("requests_last_1d", h.requestsLast1d())
                .add("error_classes_last_1d", errors).build();
    }

    static JsonObject earnings(EarningsRow r) {
        return Json.createObjectBuilder().add("date", r.day().toString()).add("model", r.model())
                .add("requests", r.requests()).add("prompt_tokens", r.promptTokens())
                .add("completion_tokens", r.completionTokens()).add("gross_micros", r.grossMicros())
                .add("fee_micros", r.feeMicros()).add("net_micros", r.netMicros()).build();
    }

    static JsonObject prices(PriceSet p) {
        return Json.createObjectBuilder()
                .add("input_price_micros_per_mtok", p.inputMicrosPerMTok())
                .add("output_price_micros_per_mtok", p.outputMicrosPerMTok())
                .add("request_price_micros", p.requestMicros())
                .add("cache_read_price_micros_per_mtok", p.cacheReadMicrosPerMTok())
                .add("cache_write_price_micros_per_mtok", p.cacheWriteMicrosPerMTok())
                .add("tier_min_context", p.tierMinContext() == null ? JsonValue.NULL : Json.createValue(p.tierMinContext()))
                .add("tier_input_price_micros_per_mtok", p.tierInputMicrosPerMTok() == null ? JsonValue.NULL
                        : Json.createValue(p.tierInputMicrosPerMTok()))
                .add("tier_output_price_micros_per_mtok", p.tierOutputMicrosPerMTok() == null ? JsonValue.NULL
                        : Json.createValue(p.tierOutputMicrosPerMTok()))
                .build();
    }

    static <T> String data(T item, Function<T, JsonObject> map) {
        return Json.createObjectBuilder().add("data", map.apply(item)).build().toString();
    }

    static <T> String list(Collection<T> items, Function<T, JsonObject> map) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        items.forEach(i -> data.add(map.apply(i)));
        return Json.createObjectBuilder().add("data", data).build().toString();
    }

    /** A path id; anything that is not a positive number names nothing, so it is "not found" like a stranger's id. */
    static long id(String value, String what) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw ProviderApiException.notFound(what);
        }
        return Long.parseLong(value);
    }

    private static JsonValue time(Instant at) {
        return at == null ? JsonValue.NULL : Json.createValue(at.toString());
    }

    private static JsonValue text(String s) {
        return s == null ? JsonValue.NULL : Json.createValue(s);
    }

    private static JsonValue number(Double d) {
        return d == null ? JsonValue.NULL : Json.createValue(d);
    }
}
