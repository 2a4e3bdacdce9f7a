/**
 * The probe's checks and their verdicts as plain values: the usage tolerance, the latency limits, one check's result
 * and a run's report with its JSON form (the {@code listing_probe.details} column). Pure: no I/O.
 */
package dev.marketplace.onboarding.verification.domain;
