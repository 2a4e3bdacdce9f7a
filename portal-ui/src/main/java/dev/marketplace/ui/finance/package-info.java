/**
 * The finance team's area: settlements, provider payouts and reconciliation. For now a landing page that says
 * honestly what is not there yet; it depends on the shell only until the billing services it needs exist.
 */
package dev.marketplace.ui.finance;
