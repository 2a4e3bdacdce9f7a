/** Unit tests of the provider token format. */
package dev.marketplace.onboarding.tokens.domain;
