/** SQL of price changes and the EJB timer that applies due ones (row locks with SKIP LOCKED: safe on many nodes). */
package dev.marketplace.onboarding.pricechanges.infrastructure;
