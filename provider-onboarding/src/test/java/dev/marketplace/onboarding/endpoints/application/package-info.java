/** Tests of endpoint registration against a fresh database: sealing, ownership, the outbound guard. */
package dev.marketplace.onboarding.endpoints.application;
