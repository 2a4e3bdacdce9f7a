/** Table tests of the payout account's pure rules: staleness and notices. */
package dev.marketplace.onboarding.payouts.domain;
