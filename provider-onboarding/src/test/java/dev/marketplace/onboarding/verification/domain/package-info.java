/** Tests of the probe's domain package. */
package dev.marketplace.onboarding.verification.domain;
