package dev.marketplace.routing.domain;

import java.util.List;
import java.util.Set;

/**
 * What a request asks of routing, in OpenRouter's terms: the models to try in order ({@code model}, then the
 * {@code models} fallbacks) and the {@code provider} object: providers to try first ({@code order}), the only ones
 * allowed ({@code only}), ones never to use ({@code ignore}), whether others may serve when the ordered ones fail
 * ({@code allowFallbacks}), cheapest first ({@code sortByPrice}, also the {@code :floor} variant) and price caps in
 * micro-USD per million tokens (null: none).
 */
public record RoutingPreferences(List<String> models, List<String> order, Set<String> only, Set<String> ignore,
                                 boolean allowFallbacks, boolean sortByPrice, Long maxInputMicrosPerMTok,
                                 Long maxOutputMicrosPerMTok) {

    public static RoutingPreferences defaultsFor(String model) {
        return new RoutingPreferences(List.of(model), List.of(), Set.of(), Set.of(), true, false, null, null);
    }

    public RoutingPreferences {
        models = List.copyOf(models);
        order = List.copyOf(order);
        only = Set.copyOf(only);
        ignore = Set.copyOf(ignore);
    }

    /** Whether a route's provider and price pass the filters. */
    public boolean admits(Route route) {
        return (only.isEmpty() || only.contains(route.providerSlug()))
                && !ignore.contains(route.providerSlug())
                && (maxInputMicrosPerMTok == null || route.inputPriceMicrosPerMTok() <= maxInputMicrosPerMTok)
                && (maxOutputMicrosPerMTok == null || route.outputPriceMicrosPerMTok() <= maxOutputMicrosPerMTok);
    }
}
