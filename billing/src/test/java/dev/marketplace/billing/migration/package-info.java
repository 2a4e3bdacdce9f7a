/** Tests that the migration list read on WildFly names exactly the scripts Flyway finds on the classpath. */
package dev.marketplace.billing.migration;
