/**
 * The probe's tables over plain JDBC: runs in {@code listing_probe} (claimed one running run per listing by a partial
 * unique index), what a probe needs to know of a listing and its endpoint, the listings due for a re-probe, and the
 * pause of a listing with its inbox notices in one transaction.
 */
package dev.marketplace.onboarding.verification.infrastructure;
