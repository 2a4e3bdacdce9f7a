/**
 * Issuing, listing and revoking provider tokens for a portal member (the provider is the member's, never an id
 * from the request), and authenticating the provider API's bearer tokens. Plain JDBC on the direct data source.
 */
package dev.marketplace.onboarding.tokens.application;
