/** Unit tests of the price-change rules. */
package dev.marketplace.onboarding.pricechanges.domain;
