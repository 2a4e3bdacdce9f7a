/** Tests of two-phase holds: concurrent placement never over-reserves, release happens at most once. */
package dev.marketplace.billing.holds;
