package dev.marketplace.routing.application;

import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.domain.RoutingPreferences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * The order in which to try routes for a request: for each model in turn, its routes that pass the filters, the
 * providers named in {@code order} first (in that order), then the rest unless fallbacks are off, cheapest first
 * when asked; within that, endpoints cooling down after a failure go last. Pure: catalog and health are given.
 */
final class RoutePlanner {
    private static final Comparator<Route> BY_PRICE = Comparator.comparingLong(Route::outputPriceMicrosPerMTok)
            .thenComparingLong(Route::inputPriceMicrosPerMTok);

    private RoutePlanner() {
    }

    static List<Route> plan(RoutingPreferences prefs, Function<String, List<Route>> catalog, LongPredicate coolingDown) {
        List<Route> planned = new ArrayList<>();
        for (String model : prefs.models()) {
            List<Route> admitted = catalog.apply(model).stream().filter(prefs::admits).toList();
            planned.addAll(orderForModel(prefs, admitted, coolingDown));
        }
        return planned;
    }

    private static List<Route> orderForModel(RoutingPreferences prefs, List<Route> routes, LongPredicate coolingDown) {
        List<Route> rest = new ArrayList<>(routes);
        if (prefs.sortByPrice()) {
            rest.sort(BY_PRICE);
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
}
