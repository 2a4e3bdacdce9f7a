package dev.marketplace.catalog.application;

import dev.marketplace.routing.domain.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which non-live listings each developer may call as a self-test: those of the provider the developer acts for
 * (a provider member's own key). Built with the catalog snapshot; a lookup for anybody else is one map miss, so the
 * hot path of ordinary keys does not slow down.
 */
public final class SelfTestRoutes {
    public static final SelfTestRoutes NONE = new SelfTestRoutes(Map.of());

    /** A developer (by id) who acts for a provider. */
    public record Member(long developerId, long providerId) {
    }

    private final Map<Long, Map<String, List<Route>>> byDeveloper;

    private SelfTestRoutes(Map<Long, Map<String, List<Route>>> byDeveloper) {
        this.byDeveloper = byDeveloper;
    }

    /** The routes of the given non-live listings, each reachable by the members of its own provider only. */
    public static SelfTestRoutes of(List<Route> nonLive, List<Member> members) {
        Map<Long, Map<String, List<Route>>> byProvider = new HashMap<>();
        for (Route route : nonLive) {
            byProvider.computeIfAbsent(route.providerId(), p -> new HashMap<>())
                    .computeIfAbsent(route.modelSlug(), m -> new ArrayList<>()).add(route);
        }
        Map<Long, Map<String, List<Route>>> byDeveloper = new HashMap<>();
        for (Member member : members) {
            Map<String, List<Route>> own = byProvider.get(member.providerId());
            if (own != null) {
                Map<String, List<Route>> copy = new HashMap<>();
                own.forEach((slug, routes) -> copy.put(slug, List.copyOf(routes)));
                byDeveloper.put(member.developerId(), Map.copyOf(copy));
            }
        }
        return new SelfTestRoutes(Map.copyOf(byDeveloper));
    }

    /** The developer's own provider's non-live routes of the model, or an empty list. */
    public List<Route> routes(long developerId, String modelSlug) {
        Map<String, List<Route>> own = byDeveloper.get(developerId);
        return own == null ? List.of() : own.getOrDefault(modelSlug, List.of());
    }
}
