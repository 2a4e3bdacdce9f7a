package dev.marketplace.api.inference;

import dev.marketplace.gateway.application.SseSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to the client; the 200 and the headers go out with the first event, not before. While the
 * upstream is silent for {@link #KEEPALIVE_AFTER_NANOS}, a comment line ({@code : keepalive}) keeps proxies and
 * clients from timing out; the first one commits the response, after which a failure can only be an error event.
 */
final class ServletSseSink implements SseSink, AutoCloseable {
    static final long KEEPALIVE_AFTER_NANOS = 2_000_000_000L;
    static final long KEEPALIVE_CHECK_MS = 500;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final ScheduledFuture<?> keepalive;
    private ServletOutputStream out;
    private long lastWriteNanos = System.nanoTime();
    private boolean closed;

    ServletSseSink(HttpServletResponse response, ScheduledExecutorService timer) {
        this.response = response;
        this.keepalive = timer.scheduleWithFixedDelay(this::keepAliveIfSilent, KEEPALIVE_CHECK_MS, KEEPALIVE_CHECK_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void data(String json) throws ClientGoneException {
        write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void done() throws ClientGoneException {
        write(DONE);
        close();
    }

    /** After the response was committed, an error can only travel as an event; the stream then ends. */
    void error(JsonObject errorBody) throws ClientGoneException {
        data(errorBody.toString());
        close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        keepalive.cancel(false);
    }

    private void keepAliveIfSilent() {
        try {
            synchronized (this) {
                if (!closed && System.nanoTime() - lastWriteNanos >= KEEPALIVE_AFTER_NANOS) {
                    write(KEEPALIVE);
                }
            }
        } catch (ClientGoneException e) {
            close(); // the request thread learns it on its own next write and charges what was delivered
        }
    }

    private synchronized void write(byte[] event) throws ClientGoneException {
        try {
            if (out == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("text/event-stream;charset=UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no");
                out = response.getOutputStream();
            }
            out.write(event);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}
