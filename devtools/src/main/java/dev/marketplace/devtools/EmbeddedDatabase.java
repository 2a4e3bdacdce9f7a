package dev.marketplace.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The default database when none is configured: an embedded PostgreSQL kept in a data directory across starts.
 * Usage: {@code EmbeddedDatabase DATA_DIR PORT DBNAME}. Prints {@code READY jdbc-url} and runs until killed.
 */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        File dataDir = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + database);
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("embedded database did not stop cleanly: " + e);
            }
        }));
        System.out.println("READY jdbc:postgresql://localhost:" + port + "/" + database);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
