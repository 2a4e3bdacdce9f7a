/**
 * Fresh PostgreSQL databases for unit tests: one per test class, migrated with the locations the module needs,
 * dropped at the end. The server is 127.0.0.1:5432 unless {@code market.test.pgHost}/{@code market.test.pgPort}
 * say otherwise ({@code ./marketplace test} points them at an embedded database when nothing listens there).
 */
package dev.marketplace.testdb;
