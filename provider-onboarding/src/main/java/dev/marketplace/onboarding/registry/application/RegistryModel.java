package dev.marketplace.onboarding.registry.application;

import java.time.Instant;
import java.util.List;

/** A registry model (or a provider's proposal of one) as the admin pages show it. */
public record RegistryModel(long id, String slug, String name, String description, List<String> inputModalities,
                            List<String> outputModalities, int contextLength, int maxOutputTokens, String registryStatus,
                            String proposedBy, String decisionReason, Instant createdAt) {
}
