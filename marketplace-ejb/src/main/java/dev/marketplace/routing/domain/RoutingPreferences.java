package dev.marketplace.routing.domain;

import java.util.List;
import java.util.Set;

/**
 * What a request asks of routing, in OpenRouter's terms: the models to try in order ({@code model}, then the
 * {@code models} fallbacks) and the {@code provider} object: providers to try first ({@code order}), the only ones
 * allowed ({@code only}), ones never to use ({@code ignore}), whether others may serve when the ordered ones fail
 * ({@code allowFallbacks}), how to sort ({@code sort}; {@code :floor} is price, {@code :nitro} throughput), price
 * caps in micro-USD per million tokens (null: none), the parameters every serving listing must declare
 * ({@code require_parameters}: the request's own parameters, else empty), whether only endpoints that retain
 * nothing may serve ({@code data_collection: "deny"}) and a cap on the price per request in micro-USD (null: none).
 */
public record RoutingPreferences(List<String> models, List<String> order, Set<String> only, Set<String> ignore,
                                 boolean allowFallbacks, Sort sort, Long maxInputMicrosPerMTok,
                                 Long maxOutputMicrosPerMTok, Set<String> requiredParameters,
                                 boolean denyDataCollection, Long maxRequestMicros) {

    /** The order to try a model's admitted endpoints in; DEFAULT keeps the catalog's (cheapest first). */
    public enum Sort { DEFAULT, PRICE, THROUGHPUT, LATENCY }

    public static RoutingPreferences defaultsFor(String model) {
        return new RoutingPreferences(List.of(model), List.of(), Set.of(), Set.of(), true, Sort.DEFAULT, null, null,
                Set.of(), false);
    }

    /** Preferences without a cap on the price per request. */
    public RoutingPreferences(List<String> models, List<String> order, Set<String> only, Set<String> ignore,
                              boolean allowFallbacks, Sort sort, Long maxInputMicrosPerMTok, Long maxOutputMicrosPerMTok,
                              Set<String> requiredParameters, boolean denyDataCollection) {
        this(models, order, only, ignore, allowFallbacks, sort, maxInputMicrosPerMTok, maxOutputMicrosPerMTok,
                requiredParameters, denyDataCollection, null);
    }

    public RoutingPreferences {
        models = List.copyOf(models);
        order = List.copyOf(order);
        only = Set.copyOf(only);
        ignore = Set.copyOf(ignore);
        requiredParameters = Set.copyOf(requiredParameters);
    }

    /** Whether a route's provider, price, declared parameters and data retention pass the filters. */
    public boolean admits(Route route) {
        return (only.isEmpty() || only.contains(route.providerSlug()))
                && !ignore.contains(route.providerSlug())
                && (maxInputMicrosPerMTok == null || route.inputPriceMicrosPerMTok() <= maxInputMicrosPerMTok)
                && (maxOutputMicrosPerMTok == null || route.outputPriceMicrosPerMTok() <= maxOutputMicrosPerMTok)
                && (maxRequestMicros == null || route.prices().requestMicros() <= maxRequestMicros)
                && route.supportsAll(requiredParameters)
                && (!denyDataCollection || route.endpoint().retainsNothing());
    }
}
