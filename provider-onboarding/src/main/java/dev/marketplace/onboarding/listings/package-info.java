/**
 * Listings, one provider's offer of one registry model on one of its endpoints: {@code domain} parses and validates
 * List Models documents (prices converted exactly to micro-USD) and holds the lifecycle rules (draft → pending → live
 * ⇄ paused → retired, suspended), {@code application} runs imports all-or-nothing and the provider's and admins'
 * lifecycle actions, {@code infrastructure} reads and writes listings with plain JDBC.
 */
package dev.marketplace.onboarding.listings;
