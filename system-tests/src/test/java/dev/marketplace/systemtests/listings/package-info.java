/**
 * System tests of endpoints and listings: a provider registers an endpoint (key stored sealed), imports from a stub
 * List Models server (port 18220, on the test stack's outbound allow-list) into drafts, submits after a passed probe,
 * an admin approves and later suspends, and the gateway routes (or stops routing) accordingly; hostile documents
 * write nothing; another provider sees none of it.
 */
package dev.marketplace.systemtests.listings;
