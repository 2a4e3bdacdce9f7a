/**
 * Running probes: {@link dev.marketplace.onboarding.verification.application.ListingProber} makes the calls through
 * the listing's upstream adapter and judges them; {@link dev.marketplace.onboarding.verification.application.ListingProbes}
 * starts runs for providers (ownership checked), admins (audited) and the re-probe timer, in the background, and
 * pauses a live listing after three failed runs in a row.
 */
package dev.marketplace.onboarding.verification.application;
