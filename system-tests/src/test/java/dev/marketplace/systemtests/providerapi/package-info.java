/**
 * The provider API (issue 6) against the test stack: provider tokens and who may call what (the BOLA matrix), draft
 * listings, effective-dated price changes charged to the micro-dollar, health, earnings and the OpenAPI document.
 * Providers, endpoints, listings and tokens are written straight into the database ({@link
 * dev.marketplace.systemtests.providerapi.TestProviders}), since the portal flows that create them are other tests'.
 */
package dev.marketplace.systemtests.providerapi;
