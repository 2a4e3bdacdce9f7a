package dev.marketplace.onboarding.listings.domain;

/**
 * What the lifecycle needs to know of a listing: its status, whether it was ever published (an admin approved its
 * first publication), the status of its latest finished verification probe (null: never probed) and the registry
 * status of its model ({@code accepted}, or {@code proposed} / {@code rejected} for a provider's proposal).
 */
public record ListingFacts(String status, boolean published, String latestProbeStatus, String modelRegistryStatus) {

    public boolean probePassed() {
        return "passed".equals(latestProbeStatus);
    }

    public boolean modelAccepted() {
        return "accepted".equals(modelRegistryStatus);
    }
}
