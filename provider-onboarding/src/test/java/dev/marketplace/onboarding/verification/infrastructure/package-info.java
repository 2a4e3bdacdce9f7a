/** Tests of the probe's infrastructure package. */
package dev.marketplace.onboarding.verification.infrastructure;
