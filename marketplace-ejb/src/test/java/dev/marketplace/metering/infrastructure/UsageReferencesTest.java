package dev.marketplace.metering.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A usage record's developer, API key and listing are checked once per INSERT statement (decision 0023): a statement
 * with one row referring to a missing parent is refused whole, with the foreign-key error code; and the parents are
 * never deleted or renumbered, so that no check can race with a delete.
 */
class UsageReferencesTest {
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static long developer;
    private static long key;
    private static long listing;

    @BeforeAll
    static void catalogDeveloperAndKey() throws SQLException {
        listing = db.insertOneListing();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            developer = id(s, "insert into developer (username) values ('dev') returning id");
            key = id(s, "insert into api_key (developer_id, name, key_hash, key_hint) values (" + developer
                    + ", 'k', 'hash-k', 'sk-…k') returning id");
        }
    }

    @Test
    void rowsOfKnownParentsAreInsertedManyInOneStatement() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(3, s.executeUpdate(insert(row("ok-1", developer, key, listing), row("ok-2", developer, key, listing),
                    row("ok-3", developer, key, listing))));
            assertEquals(3, count(s, "select count(*) from usage_record where id like 'ok-%'"));
        }
    }

    @Test
    void oneRowOfAMissingParentRefusesTheWholeStatement() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertRefused(s, "d", row("d-2", developer + 1_000, key, listing), "developer " + (developer + 1_000));
            assertRefused(s, "k", row("k-2", developer, key + 1_000, listing), "API key " + (key + 1_000));
            assertRefused(s, "l", row("l-2", developer, key, listing + 1_000), "listing " + (listing + 1_000));
            assertEquals(0, count(s, "select count(*) from usage_record where id in ('d-1', 'k-1', 'l-1')"),
                    "the valid row of each refused statement is not kept either");
        }
    }

    @Test
    void developersKeysAndListingsAreNeverDeletedOrRenumbered() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {
                    "delete from developer where id = " + developer,
                    "delete from api_key where id = " + key,
                    "delete from listing where id = " + listing,
                    "update developer set id = id + 1000 where id = " + developer,
                    "update api_key set id = id + 1000 where id = " + key,
                    "update listing set id = id + 1000 where id = " + listing}) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("23001", e.getSQLState(), sql);
                assertTrue(e.getMessage().contains("never deleted or renumbered"), e.getMessage());
            }
            assertEquals(1, s.executeUpdate("update api_key set name = 'renamed' where id = " + key),
                    "other changes are not affected");
            assertEquals(1, s.executeUpdate("update api_key set id = id where id = " + key),
                    "an update naming the id without changing it is not a renumbering");
        }
    }

    /** Inserts a valid row "{prefix}-1" and the bad row in one statement, and expects both refused. */
    private static void assertRefused(Statement s, String prefix, String badRow, String named) {
        String sql = insert(row(prefix + "-1", developer, key, listing), badRow);
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
        assertEquals("23503", e.getSQLState());
        assertTrue(e.getMessage().contains("refers to " + named + ", which does not exist"), e.getMessage());
    }

    private static String row(String id, long developerId, long keyId, long listingId) {
        return "('" + id + "', " + developerId + ", " + keyId + ", 'a/x', 'p', " + listingId + ", 1, 'ok')";
    }

    private static String insert(String... rows) {
        return "insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, "
                + "cost_micros, status) values " + String.join(", ", rows);
    }

    private static long id(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        return id(s, sql);
    }
}
