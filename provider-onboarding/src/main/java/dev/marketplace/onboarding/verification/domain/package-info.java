/**
 * The probe's checks and their verdicts as plain values: the usage tolerance, the latency limits, one check's result,
 * a run's report with its JSON form (the {@code listing_probe.details} column), a kept run, what a probe calls
 * ({@code ProbeTarget}) and a provider's listing as the probe page lists it. Pure: no I/O; may use routing's
 * {@code Route.Endpoint} value.
 */
package dev.marketplace.onboarding.verification.domain;
