/** Tests of low-balance alerts firing once per crossing, on a real PostgreSQL. */
package dev.marketplace.billing.lowbalance;
