package dev.marketplace.api.inference;

import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.gateway.application.SseSink;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.routing.upstream.ClientGoneException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-sent events to the client over non-blocking servlet I/O: no thread waits on a slow client. Events queue
 * here and go out whenever the connection is writable ({@link WriteListener}); the upstream reader is resumed only
 * once the queue has drained ({@link #whenReady}), so a slow client slows the upstream read instead of growing the
 * queue. The 200 and the headers go out with the first event. While the upstream is silent for
 * {@link #KEEPALIVE_AFTER_NANOS}, a comment line ({@code : keepalive}) keeps proxies and clients from timing out;
 * the first one commits the response, after which a failure can only be an error event.
 */
final class ServletSseSink implements SseSink, WriteListener, AsyncListener {
    private static final Logger LOG = Logger.getLogger(ServletSseSink.class.getName());
    static final long KEEPALIVE_AFTER_NANOS = 2_000_000_000L;
    static final long KEEPALIVE_CHECK_MS = 500;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final ServletOutputStream out;
    private final ScheduledFuture<?> keepalive;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long lastWriteNanos = System.nanoTime();
    private boolean committed;
    private boolean needsFlush;
    private boolean flushWanted;
    private boolean ending;
    private boolean ended;
    private boolean gone;
    private Runnable resume;
    private Runnable goneHook;

    /** Call on the request thread, after {@code startAsync}: registers itself for writes and async events. */
    ServletSseSink(AsyncContext async, HttpServletResponse response, ScheduledExecutorService timer) throws IOException {
        this.async = async;
        this.response = response;
        this.out = response.getOutputStream();
        async.addListener(this);
        out.setWriteListener(this);
        this.keepalive = timer.scheduleWithFixedDelay(this::keepAliveIfSilent, KEEPALIVE_CHECK_MS, KEEPALIVE_CHECK_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void data(String json) throws ClientGoneException {
        enqueue(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void done() throws ClientGoneException {
        enqueue(DONE, true);
    }

    @Override
    public void fail(GatewayException error) {
        Runnable next;
        synchronized (this) {
            if (gone || ended || ending) {
                return;
            }
            if (committed) {
                queue.add(("data: " + ApiErrors.body(error) + "\n\n").getBytes(StandardCharsets.UTF_8));
            } else {
                committed = true;
                response.setStatus(error.status());
                response.setContentType("application/json");
                String retryAfter = error.metadata().get("retry_after_seconds");
                if (retryAfter != null) {
                    response.setHeader("Retry-After", retryAfter);
                }
                queue.add(ApiErrors.body(error).toString().getBytes(StandardCharsets.UTF_8));
            }
            ending = true;
            drain();
            next = callbacks();
        }
        run(next);
    }

    @Override
    public void whenReady(Runnable next) {
        Runnable now;
        synchronized (this) {
            if (gone) {
                return; // nobody reads on for a client that left
            }
            resume = next;
            flushWanted = true; // the upstream reader finished a batch: what it queued goes out now, in one flush
            drain();
            now = callbacks();
        }
        run(now);
    }

    @Override
    public void onClientGone(Runnable hook) {
        boolean already;
        synchronized (this) {
            already = gone;
            if (!already) {
                goneHook = hook;
            }
        }
        if (already) {
            hook.run();
        }
    }

    @Override
    public void onWritePossible() {
        Runnable next;
        synchronized (this) {
            drain();
            next = callbacks();
        }
        run(next);
    }

    @Override
    public void onError(Throwable t) {
        clientGone(t);
    }

    @Override
    public void onError(AsyncEvent event) {
        clientGone(event.getThrowable());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        clientGone(new IOException("stream exceeded " + ChatCompletionsServlet.MAX_STREAM_MS + " ms"));
    }

    @Override
    public void onComplete(AsyncEvent event) {
        keepalive.cancel(false);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // only one async cycle per request
    }

    private void enqueue(byte[] event, boolean last) throws ClientGoneException {
        Runnable next;
        boolean left;
        synchronized (this) {
            if (gone || ended || ending) {
                throw new ClientGoneException(null);
            }
            commit();
            queue.add(event);
            ending = last;
            drain();
            left = gone;
            next = callbacks();
        }
        run(next);
        if (left) {
            throw new ClientGoneException(null);
        }
    }

    private void commit() {
        if (!committed) {
            committed = true;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/event-stream;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
        }
    }

    /**
     * Writes what the connection takes now; the rest waits for onWritePossible. Flushes only when asked (the end of
     * an upstream batch, a keepalive, the end of the response), so several chunks of one batch share one flush.
     * Holds the lock.
     */
    private void drain() {
        if (gone || ended) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    needsFlush = true;
                    lastWriteNanos = System.nanoTime();
                } else if (needsFlush && (flushWanted || ending)) {
                    needsFlush = false;
                    flushWanted = false;
                    out.flush();
                } else {
                    if (ending) {
                        end();
                    }
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            clientGoneLocked(e);
        }
    }

    /**
     * What to run once the lock is released: the gone hook once the client left, else the upstream's resume once
     * everything queued went out. Never run under the lock: the upstream reader may call back in on this thread.
     */
    private Runnable callbacks() {
        if (gone) {
            Runnable hook = goneHook;
            goneHook = null;
            return hook;
        }
        if (queue.isEmpty() && !needsFlush) {
            Runnable next = resume;
            resume = null;
            return next;
        }
        return null;
    }

    private static void run(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }

    private void end() {
        ended = true;
        keepalive.cancel(false);
        async.complete();
    }

    private void keepAliveIfSilent() {
        Runnable next = null;
        synchronized (this) {
            if (gone || ended || ending || !queue.isEmpty() || needsFlush
                    || System.nanoTime() - lastWriteNanos < KEEPALIVE_AFTER_NANOS) {
                return;
            }
            commit();
            queue.add(KEEPALIVE);
            flushWanted = true;
            drain();
            next = callbacks();
        }
        run(next);
    }

    private void clientGone(Throwable cause) {
        Runnable hook;
        synchronized (this) {
            clientGoneLocked(cause);
            hook = callbacks();
        }
        run(hook);
    }

    /** Marks the client gone once; the caller runs {@link #callbacks()} after the lock. */
    private void clientGoneLocked(Throwable cause) {
        if (gone || ended) {
            return;
        }
        gone = true;
        queue.clear();
        resume = null;
        keepalive.cancel(false);
        LOG.log(Level.FINE, "client of {0} gone: {1}", new Object[]{response.getHeader(ChatCompletionsServlet.GENERATION_HEADER), cause});
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            LOG.log(Level.FINEST, "async context already completed", alreadyCompleted);
        }
    }
}
