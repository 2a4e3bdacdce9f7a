/** Tests of settlement's ports over the catalog and the usage records, with billing's settlement on one database. */
package dev.marketplace.finance.infrastructure;
