package dev.marketplace.onboarding.suspensions;

import java.util.List;

/** A provider as admins manage it: status, current take rate and its endpoints. */
public record ProviderOverview(long id, String slug, String name, String status, int takeRateBps,
                               boolean platformOperated, List<Endpoint> endpoints) {

    public ProviderOverview {
        endpoints = List.copyOf(endpoints);
    }

    public boolean suspended() {
        return Suspensions.SUSPENDED.equals(status);
    }

    /** One endpoint of the provider. */
    public record Endpoint(long id, String name, String baseUrl, String status) {
        public boolean suspended() {
            return Suspensions.SUSPENDED.equals(status);
        }
    }
}
