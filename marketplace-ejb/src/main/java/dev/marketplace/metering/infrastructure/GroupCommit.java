package dev.marketplace.metering.infrastructure;

import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.platform.operations.Operations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs small pieces of JDBC work submitted by request threads in shared transactions: a writer thread takes what
 * is queued (up to {@link #MAX_BATCH}), runs it all on one connection and commits once; each caller waits for
 * that commit, so its work is durable when {@link #run} returns. A caller that finds nobody committing commits its
 * piece, with whatever is queued, itself. If a batch fails, every piece is retried alone in its own transaction, so
 * one bad piece fails only its own caller. The committers share one connection from the pool for as long as they
 * work (no checkout per batch, and one database backend whose plan caches stay warm); after any failure that
 * connection goes back to the pool and the next transaction takes a fresh one.
 */
@ApplicationScoped
public class GroupCommit {
    static final int MAX_BATCH = 256;
    static final int QUEUE_CAPACITY = 20_000;
    static final long WAIT_MS = 15_000;
    static final int MAX_ALONE_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<Piece<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;
    /**
     * Held by whoever commits: the writer thread for what was queued, or a caller that found nobody committing and
     * commits its own piece with what is queued on its own thread (no hand-off to the writer and back: at low
     * concurrency the usual case). Only its holder touches {@link #connection}.
     */
    private final ReentrantLock committing = new ReentrantLock();
    /** The committers' connection; null until needed and after a failure. */
    private Connection connection;

    /**
     * A group commit outside a container (the month simulator runs the settle path in-process): its writer thread
     * comes from a plain thread; {@link #shutdown} stops it after the queued work committed.
     */
    public static GroupCommit standalone(DataSource dataSource) {
        GroupCommit groupCommit = new GroupCommit();
        groupCommit.dataSource = dataSource;
        groupCommit.startWith(Thread::new);
        return groupCommit;
    }

    public void shutdown() {
        stop();
    }

    @PostConstruct
    void start() {
        startWith(threads);
    }

    private void startWith(ThreadFactory threadFactory) {
        running = true;
        writer = threadFactory.newThread(this::writeLoop);
        writer.setName("ledger-group-commit");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10)); // lets the queued work commit; the writer then returns the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the work in the next group transaction and returns its result once that transaction committed. */
    public <T> T run(String what, Transactions.Work<T> work) {
        return await(new Piece<>(what, work, null, null, new CompletableFuture<>()));
    }

    /**
     * Runs the item in the next group transaction together with the other queued items of the same kind (one
     * set-based call for all of them) and returns its result once that transaction committed.
     */
    public <I, T> T run(String what, BatchWork<I, T> kind, I item) {
        return await(new Piece<>(what, null, kind, item, new CompletableFuture<>()));
    }

    private <T> T await(Piece<T> piece) {
        String what = piece.what;
        if (!running) {
            throw new OverloadedException("The ledger writer is stopping; retry shortly");
        }
        if (committing.tryLock()) { // nobody is committing: this caller commits its piece and whatever is queued
            try {
                List<Piece<?>> batch = new ArrayList<>();
                batch.add(piece);
                queue.drainTo(batch, MAX_BATCH - 1);
                commitOrFail(batch);
                if (!running) {
                    discardConnection(null); // the writer has let go of it already, or will find none
                }
            } finally {
                committing.unlock();
            }
        } else if (!queue.offer(piece)) {
            throw new OverloadedException("The ledger writer is overloaded; retry shortly");
        }
        try {
            return piece.done.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " was not committed within " + WAIT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    public int queueDepth() {
        return queue.size();
    }

    private void writeLoop() {
        List<Piece<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Piece<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                committing.lockInterruptibly();
                try {
                    queue.drainTo(batch, MAX_BATCH - 1);
                    commitOrFail(batch);
                } finally {
                    committing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        committing.lock();
        try {
            discardConnection(null);
        } finally {
            committing.unlock();
        }
    }

    /** Commits the batch; whatever goes wrong beyond what {@link #commit} handles fails every piece, never none. */
    private void commitOrFail(List<Piece<?>> batch) {
        try {
            commit(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "group commit loop error", e);
            batch.forEach(p -> p.done.completeExceptionally(e));
        }
    }

    private void commit(List<Piece<?>> batch) {
        long started = System.nanoTime(); // operations hook
        List<Object> results;
        try {
            results = inTransaction("group commit of " + batch.size(), oneStatement(batch), c -> runAll(c, batch));
        } catch (RuntimeException batchFailure) {
            Operations.groupCommitBatch(batch.size(), started, false); // operations hook
            LOG.log(Level.FINE, "batch of {0} failed, retrying one by one: {1}", new Object[]{batch.size(), batchFailure});
            batch.forEach(this::commitAlone);
            return;
        }
        Operations.groupCommitBatch(batch.size(), started, true); // operations hook
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    /**
     * One transaction on the committers' connection, as {@link Transactions#inTransaction} runs one on a fresh one: commit,
     * or roll back and rethrow (SQL failures as {@link BillingDataException}). Work that is one statement runs in
     * autocommit mode instead: the statement is the transaction. After a failure the connection goes back to the
     * pool (closed, so a broken one is never reused) and the next transaction takes another.
     */
    private <T> T inTransaction(String what, boolean oneStatement, Transactions.Work<T> work) {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            if (connection.getAutoCommit() != oneStatement) {
                connection.setAutoCommit(oneStatement); // no transaction is open here: no round trip
            }
            T result = work.run(connection);
            if (!oneStatement) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            discardConnection(e);
            throw new BillingDataException(what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            discardConnection(e);
            throw e;
        }
    }

    /** Only pieces of one kind of {@link OneStatementWork}: run as one statement, which needs no transaction of its own. */
    private static boolean oneStatement(List<Piece<?>> batch) {
        BatchWork<?, ?> kind = batch.get(0).kind;
        if (!(kind instanceof OneStatementWork)) {
            return false;
        }
        for (Piece<?> piece : batch) {
            if (piece.kind != kind) {
                return false;
            }
        }
        return true;
    }

    /** Rolls back whatever is open and returns the connection to the pool; failures doing so join {@code cause}. */
    private void discardConnection(Throwable cause) {
        if (connection == null) {
            return;
        }
        try (Connection c = connection) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.log(Level.FINE, "returning the group-commit connection: {0}", e.getMessage());
            }
        } finally {
            connection = null;
        }
    }

    /** Plain pieces one by one, batchable pieces one set-based call per kind; results in the batch's order. */
    private static List<Object> runAll(Connection c, List<Piece<?>> batch) throws SQLException {
        Object[] results = new Object[batch.size()];
        Map<BatchWork<?, ?>, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Piece<?> piece = batch.get(i);
            if (piece.kind == null) {
                results[i] = piece.work.run(c);
            } else {
                byKind.computeIfAbsent(piece.kind, k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<BatchWork<?, ?>, List<Integer>> group : byKind.entrySet()) {
            List<Object> items = new ArrayList<>(group.getValue().size());
            group.getValue().forEach(i -> items.add(batch.get(i).item));
            List<?> out = runKind(c, group.getKey(), items);
            for (int j = 0; j < out.size(); j++) {
                results[group.getValue().get(j)] = out.get(j);
            }
        }
        return Arrays.asList(results);
    }

    @SuppressWarnings("unchecked")
    private static List<?> runKind(Connection c, BatchWork<?, ?> kind, List<Object> items) throws SQLException {
        List<?> out = ((BatchWork<Object, ?>) kind).runAll(c, items);
        if (out.size() != items.size()) {
            throw new IllegalStateException("batch work returned " + out.size() + " results for " + items.size() + " items");
        }
        return out;
    }

    /**
     * One piece in its own transaction; a deadlock or serialization failure (two nodes' batches locking shared
     * balance rows in different orders) is retried up to {@link #MAX_ALONE_ATTEMPTS} times in all.
     */
    private <T> void commitAlone(Piece<T> piece) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<Object> result = inTransaction(piece.what, oneStatement(List.of(piece)), c -> runAll(c, List.of(piece)));
                piece.complete(result.get(0));
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ALONE_ATTEMPTS || !retryable(e)) {
                    piece.done.completeExceptionally(e);
                    return;
                }
                LOG.log(Level.FINE, "{0}: retrying after {1}", new Object[]{piece.what, e.getMessage()});
            }
        }
    }

    /** PostgreSQL's deadlock_detected (40P01) or serialization_failure (40001): nothing was written, try again. */
    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private record Piece<T>(String what, Transactions.Work<T> work, BatchWork<?, ?> kind, Object item,
                            CompletableFuture<T> done) {
        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }
}
