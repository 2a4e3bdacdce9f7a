/**
 * The finance team's area: settlement runs with progress, statements with four-eyes prepare/approve and payout by
 * transfer, statement exports (CSV, printable page) for finance and the statement's own provider. Calls the finance
 * desk of provider-onboarding only.
 */
package dev.marketplace.ui.finance;
