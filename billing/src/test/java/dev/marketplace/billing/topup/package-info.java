/** Tests of auto top-up with a scripted off-session charge port, on a real PostgreSQL. */
package dev.marketplace.billing.topup;
