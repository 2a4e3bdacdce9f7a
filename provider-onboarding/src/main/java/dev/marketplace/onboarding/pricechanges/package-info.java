/**
 * Effective-dated price changes of listings: the notice rules, scheduling and cancelling for a provider, and the
 * timer that applies due changes to the listing (which moves every node's catalog within about a second).
 */
package dev.marketplace.onboarding.pricechanges;
