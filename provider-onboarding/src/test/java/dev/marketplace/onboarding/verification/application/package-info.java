/** Tests of the probe's application package. */
package dev.marketplace.onboarding.verification.application;
