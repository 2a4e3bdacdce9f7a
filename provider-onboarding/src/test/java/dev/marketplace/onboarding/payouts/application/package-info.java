/** Tests of payout account onboarding and of account.updated handling (ordering, duplicates, notices). */
package dev.marketplace.onboarding.payouts.application;
