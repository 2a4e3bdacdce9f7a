/** Tests that every table recording money movement is append-only in the database itself. */
package dev.marketplace.billing.payments;
