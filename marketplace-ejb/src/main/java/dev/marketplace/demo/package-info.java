/**
 * Demo and self-hosting seed: the simulated provider, its listing, the demo developer, the demo key (stored as a hash)
 * and its starting credit as a ledger journal. Idempotent; runs at start-up when demo data is enabled.
 */
package dev.marketplace.demo;
