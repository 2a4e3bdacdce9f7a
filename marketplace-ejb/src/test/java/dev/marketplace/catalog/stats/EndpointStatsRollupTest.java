package dev.marketplace.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.testing.MarketTestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rollup on a real PostgreSQL: two nodes adding to the same rows (also at the same time), a failed flush kept and
 * retried, pruning by age, and the reader's windows and percentiles over what was flushed. Each test uses its own
 * listing ids.
 */
class EndpointStatsRollupTest {
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();

    @Test
    void twoNodesAddUpInOneRowAndTheReaderSeesTheSum() {
        EndpointStatsCollector a = new EndpointStatsCollector(db.dataSource(), System::currentTimeMillis);
        EndpointStatsCollector b = new EndpointStatsCollector(db.dataSource(), System::currentTimeMillis);
        for (int ms : new int[] {100, 200, 300}) {
            a.observe(11, UsageStatus.OK, ms, ms / 2, false);          // 500 tokens/s each
        }
        a.observe(11, UsageStatus.ERROR, 50, 0, false);
        a.observe(11, UsageStatus.CANCELLED, 70, 3, true);
        b.observe(11, UsageStatus.OK, 400, 200, false);
        b.observe(11, UsageStatus.ERROR, 60, 0, false);
        assertTrue(a.flush() >= 1);
        assertTrue(b.flush() >= 1);
        assertEquals(0, a.flush(), "nothing new: nothing written");

        assertEquals(List.of(4L, 2L, 1L, 1L, 4L, 4L), row(11));
        EndpointStats s = new EndpointStatsReader(db.dataSource()).forListings(List.of(11L, 12L)).get(11L);
        assertEquals(4 / 6.0, s.uptimeLast5m(), 1e-12);
        assertEquals(4 / 6.0, s.uptimeLast30m(), 1e-12);
        assertEquals(4 / 6.0, s.uptimeLast1d(), 1e-12);
        assertEquals(1, s.cappedLast1d());
        assertEquals(250, s.latencyLast30m().p50(), 250 * 0.0625, "percentile_cont of 100, 200, 300, 400");
        assertEquals(397, s.latencyLast30m().p99(), 397 * 0.0625);
        assertEquals(500, s.throughputLast30m().p50(), 500 * 0.0625);
        assertEquals(EndpointStats.none(12), new EndpointStatsReader(db.dataSource()).forListings(List.of(12L)).get(12L));
    }

    @Test
    void aFailedFlushLosesNothingAndTheNextOneWritesItOnce() {
        AtomicBoolean down = new AtomicBoolean(true);
        EndpointStatsCollector node = new EndpointStatsCollector(failing(db.dataSource(), down), System::currentTimeMillis);
        node.observe(21, UsageStatus.OK, 10, 1, false);
        node.observe(22, UsageStatus.ERROR, 10, 1, false);
        assertThrows(IllegalStateException.class, node::flush);
        assertEquals(2, node.pendingRows(), "kept for the next flush");
        node.observe(21, UsageStatus.OK, 10, 1, false);
        assertThrows(IllegalStateException.class, node::flush);
        down.set(false);
        node.flush();
        assertEquals(0, node.pendingRows());
        assertEquals(2, row(21).get(0), "both ok calls, each once");
        assertEquals(1, row(22).get(1));
    }

    @Test
    void windowsTakeTheMinutesTheyCoverAndOldRowsArePruned() throws SQLException {
        AtomicLong clock = new AtomicLong(System.currentTimeMillis() - 23 * 3_600_000L); // a node 23 hours ago
        EndpointStatsCollector node = new EndpointStatsCollector(db.dataSource(), clock::get);
        node.observe(31, UsageStatus.OK, 10, 1, false);
        node.observe(31, UsageStatus.ERROR, 10, 1, false);
        node.flush();
        clock.set(System.currentTimeMillis() - 10 * 60_000L); // 10 minutes ago
        node.observe(31, UsageStatus.OK, 20, 1, false);
        node.flush();
        EndpointStats s = new EndpointStatsReader(db.dataSource()).forListings(List.of(31L)).get(31L);
        assertNull(s.uptimeLast5m(), "no call in the last 5 minutes");
        assertEquals(1.0, s.uptimeLast30m());
        assertEquals(2 / 3.0, s.uptimeLast1d(), 1e-12);
        assertEquals(20, s.latencyLast30m().p50(), 20 * 0.0625, "the 23-hour-old call is outside the 30 minutes");

        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into endpoint_minute_stats (listing_id, minute, ok) values "
                    + "(31, date_trunc('minute', now() - interval '3 days'), 5)");
        }
        EndpointStatsCollector pruning = new EndpointStatsCollector(db.dataSource(), System::currentTimeMillis);
        pruning.flush(); // the first flush of a node prunes
        assertEquals(2, count("select count(*) from endpoint_minute_stats where listing_id = 31"));
    }

    @Test
    void twoNodesFlushingAtOnceCountEveryCallOnce() throws Exception {
        int perThread = 20_000;
        List<EndpointStatsCollector> nodes = List.of(
                new EndpointStatsCollector(db.dataSource(), System::currentTimeMillis),
                new EndpointStatsCollector(db.dataSource(), System::currentTimeMillis));
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (EndpointStatsCollector node : nodes) {
            for (int t = 0; t < 2; t++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        node.observe(41 + i % 3, UsageStatus.OK, i % 1_000, 10, false);
                    }
                }));
            }
        }
        List<Throwable> failures = new ArrayList<>();
        List<Thread> flushers = nodes.stream().map(node -> new Thread(() -> {
            while (!done.get()) {
                try {
                    node.flush();
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }
        })).toList();
        flushers.forEach(Thread::start);
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        for (Thread t : flushers) {
            t.join();
        }
        nodes.forEach(EndpointStatsCollector::flush);
        assertEquals(List.of(), failures, "no deadlock or conflict between the nodes");
        assertEquals(4L * perThread, count("select sum(ok) from endpoint_minute_stats where listing_id between 41 and 43"));
        assertEquals(4L * perThread, count("select sum(n) from endpoint_minute_stats, unnest(latency_ms_buckets) n "
                + "where listing_id between 41 and 43"));
    }

    /** ok, error, cancelled, capped, latency samples, throughput samples of a listing's rows. */
    private static List<Long> row(long listingId) {
        return List.of(sum("ok", listingId), sum("error", listingId), sum("cancelled", listingId),
                sum("capped", listingId),
                count("select coalesce(sum(n), 0) from endpoint_minute_stats, unnest(latency_ms_buckets) n where listing_id = "
                        + listingId),
                count("select coalesce(sum(n), 0) from endpoint_minute_stats, unnest(throughput_buckets) n where listing_id = "
                        + listingId));
    }

    private static long sum(String column, long listingId) {
        return count("select coalesce(sum(" + column + "), 0) from endpoint_minute_stats where listing_id = " + listingId);
    }

    private static long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A data source whose connections fail while {@code down} is set. */
    private static DataSource failing(DataSource real, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("database down (test)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
