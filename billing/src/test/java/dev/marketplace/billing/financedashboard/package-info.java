/** The dashboard's figures on PostgreSQL. */
package dev.marketplace.billing.financedashboard;
