package dev.marketplace.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.routing.domain.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfTestRoutesTest {
    private static Route route(long listingId, long providerId, String slug) {
        return new Route(listingId, slug, "up", providerId, "p" + providerId, "P" + providerId, false, 500,
                new Route.Endpoint(providerId, "openai", "http://example.com/v1", null, 1000), 1, 2, 512, 8192);
    }

    @Test
    void onlyMembersOfTheListingsOwnProviderReachIt() {
        Route mine = route(1, 7, "acme/new");
        Route theirs = route(2, 8, "other/new");
        SelfTestRoutes routes = SelfTestRoutes.of(List.of(mine, theirs),
                List.of(new SelfTestRoutes.Member(100, 7), new SelfTestRoutes.Member(101, 7),
                        new SelfTestRoutes.Member(200, 8)));
        assertEquals(List.of(mine), routes.routes(100, "acme/new"));
        assertEquals(List.of(mine), routes.routes(101, "acme/new"));
        assertTrue(routes.routes(200, "acme/new").isEmpty(), "another provider's member");
        assertTrue(routes.routes(300, "acme/new").isEmpty(), "a developer who is no member");
        assertTrue(routes.routes(100, "other/new").isEmpty());
        assertEquals(List.of(theirs), routes.routes(200, "other/new"));
        assertTrue(SelfTestRoutes.NONE.routes(100, "acme/new").isEmpty());
    }
}
