package dev.marketplace.platform.operations;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The generation log's lines on their way to logger {@value Operations#GENERATION_LOGGER}. While a
 * {@link GenerationLogFlusher} runs (in the container) a request thread only queues its line (no lock, no thread
 * woken, no file I/O) and the flusher hands what is queued to the logger every {@link #FLUSH_MS} ms as one record of
 * up to {@link #LINES_PER_RECORD} lines, one JSON object per line as before: at 64 connections one record per line
 * (a lock, a wake-up of the async handler's thread and a write per generation) took about 6% of the gateway's CPU.
 * Without a flusher (the month simulator, unit tests) each line goes to the logger at once. Lines beyond
 * {@link #MAX_PENDING} (a flusher stuck on a full disk) are dropped and counted, never blocking a request.
 */
final class GenerationLog {
    static final long FLUSH_MS = 20;
    static final int LINES_PER_RECORD = 1_000;
    static final int MAX_PENDING = 100_000;
    private static final Logger LOG = Logger.getLogger(Operations.GENERATION_LOGGER);
    private static final String NEWLINE = System.lineSeparator();
    private static final Queue<String> PENDING = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIZE = new AtomicInteger();
    private static volatile boolean batching;

    private GenerationLog() {
    }

    static boolean enabled() {
        return LOG.isLoggable(Level.INFO);
    }

    static void add(String line) {
        if (!batching) {
            LOG.info(line);
            return;
        }
        if (SIZE.incrementAndGet() > MAX_PENDING) {
            SIZE.decrementAndGet();
            Operations.GENERATION_LOG_DROPPED.inc();
            return;
        }
        PENDING.offer(line);
    }

    /** Hands every queued line to the logger, {@link #LINES_PER_RECORD} to a record; returns how many. */
    static int flush() {
        int flushed = 0;
        StringBuilder record = new StringBuilder();
        int inRecord = 0;
        for (String line; (line = PENDING.poll()) != null; ) {
            SIZE.decrementAndGet();
            if (inRecord > 0) {
                record.append(NEWLINE);
            }
            record.append(line);
            flushed++;
            if (++inRecord == LINES_PER_RECORD) {
                LOG.info(record.toString());
                record.setLength(0);
                inRecord = 0;
            }
        }
        if (inRecord > 0) {
            LOG.info(record.toString());
        }
        return flushed;
    }

    /** Turns queueing on (a flusher started) or off (it stopped: what is queued is written now). */
    static void batching(boolean on) {
        batching = on;
        if (!on) {
            flush();
        }
    }

    static int pending() {
        return SIZE.get();
    }
}
