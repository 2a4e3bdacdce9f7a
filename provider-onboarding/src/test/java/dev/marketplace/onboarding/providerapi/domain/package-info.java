/** Unit tests of the draft listing field rules. */
package dev.marketplace.onboarding.providerapi.domain;
