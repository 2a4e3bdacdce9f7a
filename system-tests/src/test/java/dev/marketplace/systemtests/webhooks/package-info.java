/**
 * Black-box tests of the payment webhooks over HTTP: events signed here as Stripe signs them, sent without any
 * login, and their effect (or its absence) read from the ledger with JDBC.
 */
package dev.marketplace.systemtests.webhooks;
