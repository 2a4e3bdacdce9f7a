package dev.marketplace.platform.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the queued generation log lines every {@link GenerationLog#FLUSH_MS} ms on a thread of its own, from the
 * application's start to its stop (then once more, so nothing queued is left behind).
 */
@Singleton
@Startup
public class GenerationLogFlusher {
    private static final Logger LOG = Logger.getLogger(GenerationLogFlusher.class.getName());

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private Thread flusher;

    @PostConstruct
    void start() {
        running = true;
        flusher = threads.newThread(this::flushLoop);
        flusher.setName("generation-log");
        flusher.setDaemon(true);
        flusher.start();
        GenerationLog.batching(true);
    }

    @PreDestroy
    void stop() {
        running = false;
        LockSupport.unpark(flusher);
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        GenerationLog.batching(false); // lines queued since the last flush go out now
    }

    private void flushLoop() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(GenerationLog.FLUSH_MS));
            try {
                GenerationLog.flush();
            } catch (RuntimeException e) { // a failing handler: said in server.log, and the next flush tries again
                LOG.log(Level.WARNING, "Could not write the generation log", e);
            }
        }
    }
}
