/**
 * The finance desk: settlement runs, four-eyes approval, payouts and statement access as the portal offers them,
 * wiring billing's settlement and payout services to their ports (usage attribution and payees from the catalog, the
 * audit log of this module) and deciding who may see which statement (finance: all; a provider member: its own).
 */
package dev.marketplace.onboarding.finance;
