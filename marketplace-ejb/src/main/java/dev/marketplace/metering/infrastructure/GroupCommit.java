package dev.marketplace.metering.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.platform.operations.Operations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs small pieces of JDBC work submitted by request threads in shared transactions: a writer thread takes what
 * is queued (up to {@link #MAX_BATCH}), runs it all on one connection and commits once; each caller waits for
 * that commit, so its work is durable when {@link #run} returns. If a batch fails, every piece is retried alone
 * in its own transaction, so one bad piece fails only its own caller.
 */
@ApplicationScoped
public class GroupCommit {
    static final int MAX_BATCH = 256;
    static final int QUEUE_CAPACITY = 20_000;
    static final long WAIT_MS = 15_000;
    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<Piece<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::writeLoop);
        writer.setName("ledger-group-commit");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10)); // lets the queued work commit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the work in the next group transaction and returns its result once that transaction committed. */
    public <T> T run(String what, Transactions.Work<T> work) {
        Piece<T> piece = new Piece<>(what, work, new CompletableFuture<>());
        if (!running || !queue.offer(piece)) {
            throw new OverloadedException("The ledger writer is " + (running ? "overloaded" : "stopping")
                    + "; retry shortly");
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
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "group commit loop error", e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Piece<?>> batch) {
        long started = System.nanoTime(); // operations hook
        List<Object> results;
        try {
            results = Transactions.inTransaction(dataSource, "group commit of " + batch.size(), c -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Piece<?> piece : batch) {
                    out.add(piece.work.run(c));
                }
                return out;
            });
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

    private <T> void commitAlone(Piece<T> piece) {
        try {
            piece.done.complete(Transactions.inTransaction(dataSource, piece.what, piece.work));
        } catch (RuntimeException e) {
            piece.done.completeExceptionally(e);
        }
    }

    private record Piece<T>(String what, Transactions.Work<T> work, CompletableFuture<T> done) {
        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }
}
