package dev.marketplace.systemtests.probe;

import dev.marketplace.systemtests.support.Db;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A provider of the test's own with one endpoint on a probe stub and one listing of a model of its own, written into
 * the test database as an admin's seed would; and the probe runs the server keeps for it.
 */
final class ProbeListings {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The rows created: the listing's model slug is unique to the test. */
    record Created(long providerId, long listingId, String modelSlug) {
    }

    /** A finished run: status, and the details' checks by name (passed, message). */
    record Run(long id, String trigger, String status, JsonArray details, Integer latencyMs) {
        JsonObject check(String name) {
            for (JsonValue v : details) {
                if (name.equals(v.asJsonObject().getString("check"))) {
                    return v.asJsonObject();
                }
            }
            throw new AssertionError("no check " + name + " in " + details);
        }

        List<String> failedChecks() {
            List<String> failed = new ArrayList<>();
            details.forEach(v -> {
                if (!v.asJsonObject().getBoolean("passed")) {
                    failed.add(v.asJsonObject().getString("check"));
                }
            });
            return failed;
        }
    }

    private ProbeListings() {
    }

    static Created create(String label, int port, String status, String memberUsername) throws SQLException {
        String tag = label + "-" + HexFormat.of().formatHex(bytes(4));
        try (Connection c = Db.connect()) {
            long provider = Db.queryLong(c, "insert into provider (slug, name) values (?, ?) returning id",
                    "probe-" + tag, "Probe test " + tag);
            long endpoint = Db.queryLong(c, """
                    insert into provider_endpoint (provider_id, name, base_url, adapter_id, timeout_ms)
                    values (?, 'main', ?, 'openai', 10000) returning id""", provider, ProbeStubs.baseUrl(port));
            String slug = "probe-it/" + tag;
            long model = Db.queryLong(c, """
                    insert into model (slug, name, context_length, max_output_tokens) values (?, ?, 8192, 512)
                    returning id""", slug, "Probe test " + tag);
            long listing = Db.queryLong(c, """
                    insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,
                        output_price_micros_per_mtok, status) values (?, ?, 'stub-model', 1000000, 2000000, ?)
                    returning id""", model, endpoint, status);
            if (memberUsername != null) {
                Db.queryLong(c, "insert into provider_member (provider_id, username) values (?, ?) returning provider_id",
                        provider, memberUsername);
            }
            return new Created(provider, listing, slug);
        }
    }

    /** A passed run an hour old, as a listing that went live has: the re-probe timer then finds it due at once. */
    static void seedOldPassedRun(long listingId) throws SQLException {
        try (Connection c = Db.connect()) {
            Db.queryLong(c, """
                    insert into listing_probe (listing_id, trigger, status, details, started_at, finished_at)
                    values (?, 'admin', 'passed', '[]'::jsonb, now() - interval '1 hour', now() - interval '1 hour')
                    returning id""", listingId);
        }
    }

    /** Out of the timer's way once a test is done. */
    static void retire(long listingId) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(
                "update listing set status = 'retired' where id = ?")) {
            s.setLong(1, listingId);
            s.executeUpdate();
        }
    }

    static String listingStatus(long listingId) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(
                "select status || coalesce(': ' || status_reason, '') from listing where id = ?")) {
            s.setLong(1, listingId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The listing's finished scheduled runs, oldest first. */
    static List<Run> scheduledRuns(long listingId) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement("""
                select id, trigger, status, details::text, latency_ms from listing_probe
                 where listing_id = ? and trigger = 'schedule' and status <> 'running' order by id""")) {
            s.setLong(1, listingId);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Json.array(rs.getString(4)), (Integer) rs.getObject(5)));
                }
            }
            return runs;
        }
    }

    /** The first finished scheduled run, waiting for the timer up to {@code timeout}. */
    static Run awaitScheduledRun(long listingId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Run> first = scheduledRuns(listingId).stream().findFirst();
            if (first.isPresent()) {
                return first.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no scheduled probe of listing " + listingId + " finished within " + timeout);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** JSON arrays from text (the details column). */
    private static final class Json {
        static JsonArray array(String text) {
            return jakarta.json.Json.createReader(new java.io.StringReader(text)).readArray();
        }
    }
}
