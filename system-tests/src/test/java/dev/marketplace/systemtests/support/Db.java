package dev.marketplace.systemtests.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

/** Read-only JDBC on {@code market.dbUrl}: what the ledger and the metering recorded. */
public final class Db {
    private Db() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestTarget.dbUrl(), TestTarget.DB_USER, TestTarget.DB_PASSWORD);
    }

    /** A posting of a journal, as (account, amount). */
    public record Posting(String accountCode, long amountMicros) {
    }

    /** The usage record columns the tests compare. */
    public record Usage(long developerId, String modelSlug, long promptTokens, long completionTokens, long costMicros,
                        long holdMicros, String status, String finishReason, boolean streamed) {
    }

    /** A hold: its account, amount and status. */
    public record Hold(String accountCode, long amountMicros, String status) {
    }

    /** The developer an API key belongs to (the key is stored as its SHA-256 hex). */
    public static long developerIdOfKey(Connection c, String apiKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select developer_id from api_key where key_hash = ?")) {
            ps.setString(1, sha256(apiKey));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the API key under test is not in api_key");
                }
                return rs.getLong(1);
            }
        }
    }

    public static String creditAccount(long developerId) {
        return "developer:" + developerId + ":credit";
    }

    /** The kind of the journal with this idempotency key, if there is one. */
    public static Optional<String> journalKind(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select kind from ledger_journal where idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The postings of the journal with this idempotency key, ordered by account code. */
    public static List<Posting> postings(Connection c, String idempotencyKey) throws SQLException {
        String sql = """
                select p.account_code, p.amount_micros from ledger_posting p
                  join ledger_journal j on j.id = p.journal_id
                 where j.idempotency_key = ? order by p.account_code, p.id""";
        List<Posting> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Posting(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Posting::accountCode)); // Java's order, whatever the DB collation
        return out;
    }

    public static Optional<Usage> usage(Connection c, String generationId) throws SQLException {
        String sql = """
                select developer_id, model_slug, prompt_tokens, completion_tokens, cost_micros, hold_micros, status,
                       finish_reason, streamed from usage_record where id = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, generationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Usage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)));
            }
        }
    }

    public static Optional<Hold> hold(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select account_code, amount_micros, status from ledger_hold where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Hold(rs.getString(1), rs.getLong(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** The database's clock (holds are stamped with it). */
    public static OffsetDateTime now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select clock_timestamp()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** Ids of the account's holds created at or after {@code since} that are still open. */
    public static List<String> openHoldsSince(Connection c, String accountCode, OffsetDateTime since) throws SQLException {
        String sql = "select id from ledger_hold where account_code = ? and status = 'open' and created_at >= ? order by id";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, accountCode);
            ps.setObject(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** One bigint from a query with optional string/long parameters. */
    public static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as strings (for lists of violations). */
    public static List<String> queryStrings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
