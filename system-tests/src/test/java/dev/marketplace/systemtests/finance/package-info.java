/**
 * System tests of settlement and payouts: calls through the gateway, a settlement run in the finance pages, four-eyes
 * approval by the two demo finance users, the transfer on the Stripe stub, its journals, and a reversal by webhook.
 */
package dev.marketplace.systemtests.finance;
