package dev.marketplace.routing.upstream;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a 2xx body of server-sent events without a thread: splits the bytes into lines and events, hands each
 * event's data to the listener, and requests the next buffer from the HTTP client only when the listener is ready
 * for more. So at most one buffer of the upstream's bytes waits here, however slow the client.
 */
final class SseSubscriber<T> implements HttpResponse.BodySubscriber<Void> {
    static final int MAX_EVENT_BYTES = 1_000_000;
    private static final String DATA = "data:";

    private final SseListener<T> listener;
    private final CompletableFuture<T> result;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private byte[] line = new byte[256];
    private int lineLength;
    private StringBuilder data;
    private boolean finished;
    private volatile Flow.Subscription subscription;

    SseSubscriber(SseListener<T> listener, CompletableFuture<T> result) {
        this.listener = listener;
        this.result = result;
    }

    /** Stops reading: the HTTP client closes the connection, which ends the upstream's work. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone() && !finished) {
            s.cancel(); // cancelled before the reply came
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (finished) {
            subscription.request(1); // the rest after the last event (a chunked terminator): read it to reuse the connection
            return;
        }
        if (result.isDone()) {
            subscription.cancel(); // cancelled or failed: nobody wants the rest
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                feed(buffer);
            }
        } catch (UpstreamException | ClientGoneException e) {
            subscription.cancel();
            result.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            subscription.cancel();
            result.completeExceptionally(e);
            return;
        }
        if (finished) {
            listener.whenReady(() -> { }); // the receiver sends what this batch gave it
            subscription.request(1); // and the rest of the body is read to reuse the connection
        } else {
            listener.whenReady(() -> subscription.request(1));
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(new UpstreamException(0, "upstream stream broke: " + error.getMessage(),
                listener.committed(), error));
        body.complete(null);
    }

    @Override
    public void onComplete() {
        if (!finished && !result.isDone()) {
            try {
                if (lineLength > 0) {
                    line(); // a last line without its newline
                }
                if (data != null) {
                    dispatch();
                }
                if (!finished) {
                    result.completeExceptionally(listener.endedEarly());
                }
            } catch (UpstreamException | ClientGoneException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
        body.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    private void feed(ByteBuffer buffer) throws UpstreamException, ClientGoneException {
        while (buffer.hasRemaining() && !finished) {
            byte b = buffer.get();
            if (b == '\n') {
                line();
            } else {
                if (lineLength == line.length) {
                    if (lineLength >= MAX_EVENT_BYTES) {
                        throw new UpstreamException(502, "upstream sent a line longer than " + MAX_EVENT_BYTES + " bytes",
                                listener.committed(), new IOException("line too long"));
                    }
                    line = Arrays.copyOf(line, Math.min(MAX_EVENT_BYTES, line.length * 2));
                }
                line[lineLength++] = b;
            }
        }
    }

    private void line() throws UpstreamException, ClientGoneException {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        lineLength = 0;
        if (length == 0) {
            if (data != null) {
                dispatch();
            }
            return;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (!text.startsWith(DATA)) {
            return; // event names, ids and comments carry nothing we use
        }
        String piece = text.substring(text.startsWith("data: ") ? DATA.length() + 1 : DATA.length());
        data = data == null ? new StringBuilder(piece) : data.append('\n').append(piece);
        if (data.length() > MAX_EVENT_BYTES) {
            throw new UpstreamException(502, "upstream sent an event longer than " + MAX_EVENT_BYTES + " characters",
                    listener.committed(), null);
        }
    }

    private void dispatch() throws UpstreamException, ClientGoneException {
        String event = data.toString();
        data = null;
        if (listener.event(event)) {
            finished = true;
            result.complete(listener.result());
        }
    }
}
