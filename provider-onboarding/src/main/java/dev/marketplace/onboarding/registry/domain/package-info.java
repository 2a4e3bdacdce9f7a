/** The registry model form and its rules (slug, modalities, lengths), free of I/O. */
package dev.marketplace.onboarding.registry.domain;
