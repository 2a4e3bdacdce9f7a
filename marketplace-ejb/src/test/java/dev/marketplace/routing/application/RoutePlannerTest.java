package dev.marketplace.routing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.routing.domain.EndpointSpeed;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.domain.RoutingPreferences;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {
    // endpoint id = listing id; catalog order is cheapest first, as the snapshot keeps it
    static final Route A_CHEAP = route(1, "m/x", "alpha", 100, 200);
    static final Route B_MID = route(2, "m/x", "beta", 300, 400);
    static final Route C_DEAR = route(3, "m/x", "gamma", 500, 600);
    static final Route D_OTHER = route(4, "m/y", "alpha", 50, 60);
    static final Map<String, List<Route>> CATALOG = Map.of("m/x", List.of(A_CHEAP, B_MID, C_DEAR), "m/y", List.of(D_OTHER));

    static Route route(long id, String model, String provider, long in, long out) {
        return new Route(id, model, "up", id, provider, provider, false, 500,
                new Route.Endpoint(id, "openai", "http://x/" + id, null, 1000), in, out, 100, 1000);
    }

    static List<Long> plan(RoutingPreferences prefs, Set<Long> coolingDown) {
        return RoutePlanner.plan(prefs, m -> CATALOG.getOrDefault(m, List.of()), coolingDown::contains)
                .stream().map(Route::listingId).toList();
    }

    static RoutingPreferences prefs(List<String> models, List<String> order, Set<String> only, Set<String> ignore,
                                    boolean fallbacks, boolean byPrice, Long maxIn, Long maxOut) {
        return new RoutingPreferences(models, order, only, ignore, fallbacks,
                byPrice ? RoutingPreferences.Sort.PRICE : RoutingPreferences.Sort.DEFAULT, maxIn, maxOut, Set.of(), false);
    }

    @Test
    void defaultsKeepTheCatalogOrderAndPutCoolingDownEndpointsLast() {
        assertEquals(List.of(1L, 2L, 3L), plan(RoutingPreferences.defaultsFor("m/x"), Set.of()));
        assertEquals(List.of(2L, 3L, 1L), plan(RoutingPreferences.defaultsFor("m/x"), Set.of(1L)));
        assertEquals(List.of(), plan(RoutingPreferences.defaultsFor("m/unknown"), Set.of()));
    }

    @Test
    void orderOnlyIgnoreAndFallbacks() {
        assertEquals(List.of(3L, 2L, 1L), plan(prefs(List.of("m/x"), List.of("gamma", "beta"), Set.of(), Set.of(), true, false, null, null), Set.of()));
        assertEquals(List.of(3L), plan(prefs(List.of("m/x"), List.of("gamma"), Set.of(), Set.of(), false, false, null, null), Set.of()));
        assertEquals(List.of(1L), plan(prefs(List.of("m/x"), List.of(), Set.of(), Set.of(), false, false, null, null), Set.of()));
        assertEquals(List.of(2L), plan(prefs(List.of("m/x"), List.of(), Set.of("beta"), Set.of(), true, false, null, null), Set.of()));
        assertEquals(List.of(1L, 3L), plan(prefs(List.of("m/x"), List.of(), Set.of(), Set.of("beta"), true, false, null, null), Set.of()));
    }

    @Test
    void priceCapsAndPriceSort() {
        assertEquals(List.of(1L, 2L), plan(prefs(List.of("m/x"), List.of(), Set.of(), Set.of(), true, false, 300L, null), Set.of()));
        assertEquals(List.of(1L), plan(prefs(List.of("m/x"), List.of(), Set.of(), Set.of(), true, false, null, 399L), Set.of()));
        Map<String, List<Route>> unsorted = Map.of("m/x", List.of(C_DEAR, A_CHEAP, B_MID));
        List<Long> sorted = RoutePlanner.plan(prefs(List.of("m/x"), List.of(), Set.of(), Set.of(), true, true, null, null),
                unsorted::get, id -> false).stream().map(Route::listingId).toList();
        assertEquals(List.of(1L, 2L, 3L), sorted);
    }

    @Test
    void modelsFallBackInTheirOrder() {
        assertEquals(List.of(4L, 1L, 2L, 3L), plan(prefs(List.of("m/y", "m/x"), List.of(), Set.of(), Set.of(), true, false, null, null), Set.of()));
        assertEquals(List.of(4L, 1L), plan(prefs(List.of("m/y", "m/x"), List.of(), Set.of("alpha"), Set.of(), true, false, null, null), Set.of()));
    }

    static Route declared(long id, String provider, long out, String retention, Set<String> parameters) {
        return new Route(id, "m/z", "up", id, provider, provider, false, 500,
                new Route.Endpoint(id, "openai", "http://x/" + id, null, 1000, retention, null, null), out, out, 100, 1000,
                parameters);
    }

    static RoutingPreferences sorted(RoutingPreferences.Sort sort) {
        return new RoutingPreferences(List.of("m/x"), List.of(), Set.of(), Set.of(), true, sort, null, null, Set.of(), false);
    }

    @Test
    void throughputAndLatencySortsPutUnmeasuredRoutesLastInCatalogOrder() {
        Map<Long, EndpointSpeed> speeds = Map.of(
                2L, new EndpointSpeed(90.0, 800.0),
                3L, new EndpointSpeed(150.0, 300.0));
        LongFunction<EndpointSpeed> lookup = id -> speeds.getOrDefault(id, EndpointSpeed.UNKNOWN);
        assertEquals(List.of(3L, 2L, 1L), ids(RoutePlanner.plan(sorted(RoutingPreferences.Sort.THROUGHPUT),
                CATALOG::get, id -> false, lookup)));
        assertEquals(List.of(3L, 2L, 1L), ids(RoutePlanner.plan(sorted(RoutingPreferences.Sort.LATENCY),
                CATALOG::get, id -> false, lookup)));
        Map<Long, EndpointSpeed> slowDear = Map.of(1L, new EndpointSpeed(10.0, 50.0), 3L, new EndpointSpeed(20.0, 40.0));
        assertEquals(List.of(3L, 1L, 2L), ids(RoutePlanner.plan(sorted(RoutingPreferences.Sort.THROUGHPUT),
                CATALOG::get, id -> false, id -> slowDear.getOrDefault(id, EndpointSpeed.UNKNOWN))));
        assertEquals(List.of(1L, 2L, 3L), ids(RoutePlanner.plan(sorted(RoutingPreferences.Sort.THROUGHPUT),
                CATALOG::get, id -> false, id -> EndpointSpeed.UNKNOWN)), "nothing measured: the catalog's order");
        assertEquals(List.of(2L, 1L, 3L), ids(RoutePlanner.plan(sorted(RoutingPreferences.Sort.THROUGHPUT),
                CATALOG::get, id -> id == 3L, lookup)), "a fast endpoint that just failed still goes last");
    }

    @Test
    void requiredParametersAndDataCollectionFilter() {
        Route tools = declared(11, "tooly", 10, "logs_prompts", Set.of("max_tokens", "tools", "temperature"));
        Route quiet = declared(12, "quiet", 20, "none", Set.of("max_tokens", "temperature"));
        Route silent = declared(13, "silent", 30, "unknown", null);
        Map<String, List<Route>> catalog = Map.of("m/z", List.of(tools, quiet, silent));
        RoutingPreferences needsTools = new RoutingPreferences(List.of("m/z"), List.of(), Set.of(), Set.of(), true,
                RoutingPreferences.Sort.DEFAULT, null, null, Set.of("tools", "max_tokens"), false);
        assertEquals(List.of(11L), ids(RoutePlanner.plan(needsTools, catalog::get, id -> false)));
        RoutingPreferences needsTemperature = new RoutingPreferences(List.of("m/z"), List.of(), Set.of(), Set.of(), true,
                RoutingPreferences.Sort.DEFAULT, null, null, Set.of("temperature"), false);
        assertEquals(List.of(11L, 12L), ids(RoutePlanner.plan(needsTemperature, catalog::get, id -> false)),
                "a listing that declares nothing is never assumed to honour a required parameter");
        RoutingPreferences deny = new RoutingPreferences(List.of("m/z"), List.of(), Set.of(), Set.of(), true,
                RoutingPreferences.Sort.DEFAULT, null, null, Set.of(), true);
        assertEquals(List.of(12L), ids(RoutePlanner.plan(deny, catalog::get, id -> false)),
                "only the endpoint that retains nothing; 'unknown' counts as retaining");
        assertEquals(List.of(11L, 12L, 13L), ids(RoutePlanner.plan(RoutingPreferences.defaultsFor("m/z"), catalog::get,
                id -> false)));
    }

    @Test
    void maxPricePerRequestFiltersOnTheRequestPrice() {
        Route free = priced(21, 0);
        Route cheap = priced(22, 100);
        Route dear = priced(23, 101);
        Map<String, List<Route>> catalog = Map.of("m/r", List.of(free, cheap, dear));
        RoutingPreferences capped = new RoutingPreferences(List.of("m/r"), List.of(), Set.of(), Set.of(), true,
                RoutingPreferences.Sort.DEFAULT, null, null, Set.of(), false, 100L);
        assertEquals(List.of(21L, 22L), ids(RoutePlanner.plan(capped, catalog::get, id -> false)), "at most 100 micro-USD");
        assertEquals(List.of(21L, 22L, 23L), ids(RoutePlanner.plan(RoutingPreferences.defaultsFor("m/r"), catalog::get,
                id -> false)), "no cap");
    }

    private static Route priced(long id, long requestMicros) {
        return new Route(id, "m/r", "up", id, "p" + id, "p" + id, false, 500,
                new Route.Endpoint(id, "openai", "http://x/" + id, null, 1000),
                new dev.marketplace.billing.money.PriceSet(10, 10, requestMicros, 0, 0, null), 100, 1000, null);
    }

    static List<Long> ids(List<Route> routes) {
        return routes.stream().map(Route::listingId).toList();
    }
}
