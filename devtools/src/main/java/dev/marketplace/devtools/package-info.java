/**
 * Command-line tools run by {@code ./marketplace}: the embedded default database, schema migrations and fresh
 * test databases. Not deployed; nothing in the application depends on this package.
 */
package dev.marketplace.devtools;
