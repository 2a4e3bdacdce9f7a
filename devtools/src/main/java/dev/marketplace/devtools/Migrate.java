package dev.marketplace.devtools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations of every module ({@code db/migration/*} on the classpath) to a database.
 * Usage: {@code Migrate JDBC_URL USER [PASSWORD]}.
 * <p>Out-of-order migrations are applied: features are built on parallel branches, each with its own version
 * range, so a kept database (the dev stack's) may have a later range applied before an earlier one lands.
 */
public final class Migrate {
    static final String[] LOCATIONS = {"classpath:db/migration/billing", "classpath:db/migration/marketplace"};

    private Migrate() {
    }

    public static void main(String[] args) {
        String password = args.length > 2 ? args[2] : "";
        MigrateResult result = Flyway.configure()
                .dataSource(args[0], args[1], password)
                .locations(LOCATIONS)
                .outOfOrder(true)
                .load()
                .migrate();
        System.out.println("migrations applied now: " + result.migrationsExecuted + ", schema version: "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
    }
}
