/**
 * The verification probe of a listing: does its endpoint speak its protocol, does its model answer a small completion
 * streaming and not, is the usage it reports within ±35% of our tokenizer's count, how fast is it. Runs in the
 * background (a provider's or an admin's Verify, and the re-probe timer), keeps every run, and pauses a live listing
 * after three failed runs in a row. May use the upstream adapters and the token counter of marketplace-ejb, the
 * outbound guard and the inbox of provider onboarding.
 */
package dev.marketplace.onboarding.verification;
