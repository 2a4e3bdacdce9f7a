package dev.marketplace.routing.application;

import dev.marketplace.routing.domain.EndpointSpeed;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.domain.RoutingPreferences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * The order in which to try routes for a request: for each model in turn, its routes that pass the filters, the
 * providers named in {@code order} first (in that order), then the rest unless fallbacks are off, sorted as asked
 * (price; throughput, highest first; latency, lowest first; routes without a measure after those with one, in
 * catalog order); within that, endpoints cooling down after a failure go last. Pure: catalog, health and speeds
 * are given.
 */
final class RoutePlanner {
    private static final Comparator<Route> BY_PRICE = Comparator.comparingLong(Route::outputPriceMicrosPerMTok)
            .thenComparingLong(Route::inputPriceMicrosPerMTok);

    private RoutePlanner() {
    }

    static List<Route> plan(RoutingPreferences prefs, Function<String, List<Route>> catalog, LongPredicate coolingDown) {
        return plan(prefs, catalog, coolingDown, id -> EndpointSpeed.UNKNOWN);
    }

    static List<Route> plan(RoutingPreferences prefs, Function<String, List<Route>> catalog, LongPredicate coolingDown,
                            LongFunction<EndpointSpeed> speeds) {
        List<Route> planned = new ArrayList<>();
        for (String model : prefs.models()) {
            List<Route> admitted = catalog.apply(model).stream().filter(prefs::admits).toList();
            planned.addAll(orderForModel(prefs, admitted, coolingDown, speeds));
        }
        return planned;
    }

    private static List<Route> orderForModel(RoutingPreferences prefs, List<Route> routes, LongPredicate coolingDown,
                                             LongFunction<EndpointSpeed> speeds) {
        List<Route> rest = new ArrayList<>(routes);
        Comparator<Route> sort = comparator(prefs.sort(), speeds);
        if (sort != null) {
            rest.sort(sort);
        }
        List<Route> ordered = new ArrayList<>();
        for (String provider : prefs.order()) {
            rest.stream().filter(r -> r.providerSlug().equals(provider)).forEach(ordered::add);
            rest.removeIf(r -> r.providerSlug().equals(provider));
        }
        if (prefs.allowFallbacks()) {
            ordered.addAll(rest);
        } else if (ordered.isEmpty() && !rest.isEmpty()) {
            ordered.add(rest.get(0)); // no fallbacks and no order: the first choice alone
        }
        List<Route> healthyFirst = new ArrayList<>(ordered.size());
        ordered.stream().filter(r -> !coolingDown.test(r.endpoint().id())).forEach(healthyFirst::add);
        ordered.stream().filter(r -> coolingDown.test(r.endpoint().id())).forEach(healthyFirst::add);
        return healthyFirst;
    }

    /** Null for the catalog's own order; List.sort is stable, so ties and unmeasured routes keep it. */
    static Comparator<Route> comparator(RoutingPreferences.Sort sort, LongFunction<EndpointSpeed> speeds) {
        return switch (sort) {
            case DEFAULT -> null;
            case PRICE -> BY_PRICE;
            case THROUGHPUT -> Comparator.comparing((Route r) -> speeds.apply(r.listingId()).throughputTokensPerSecond(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case LATENCY -> Comparator.comparing((Route r) -> speeds.apply(r.listingId()).latencyMs(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        };
    }
}
