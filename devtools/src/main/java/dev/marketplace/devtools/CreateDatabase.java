package dev.marketplace.devtools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates (or, with {@code --drop}, drops) a database on a PostgreSQL server: each test run gets a fresh one.
 * Usage: {@code CreateDatabase ADMIN_JDBC_URL USER NAME [--drop]}. Names are restricted to [a-z0-9_].
 */
public final class CreateDatabase {
    private CreateDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        String name = args[2];
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("database name must match [a-z0-9_]{1,63}: " + name);
        }
        boolean drop = args.length > 3 && "--drop".equals(args[3]);
        try (Connection c = DriverManager.getConnection(args[0], args[1], ""); Statement s = c.createStatement()) {
            s.execute(drop ? "drop database if exists " + name + " with (force)" : "create database " + name);
        }
        System.out.println((drop ? "dropped " : "created ") + name);
    }
}
