/** The rules of a price change (what raises a price, how much notice it needs), plain and unit-tested. */
package dev.marketplace.onboarding.pricechanges.domain;
