package dev.marketplace.api;

import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a JSON body with its status from a servlet (replies and error bodies alike). */
public final class JsonReplies {
    private JsonReplies() {
    }

    public static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        byte[] bytes = head(response, status, body);
        response.getOutputStream().write(bytes);
    }

    /**
     * Writes the body with non-blocking servlet I/O and ends the request on the container's I/O thread; the calling
     * thread returns at once. For the hot path: when a request thread ends a keep-alive request itself, Undertow's I/O
     * thread, woken for the connection's next request while the request thread re-arms the connection, spins until
     * that thread is scheduled again ({@code HttpReadListener.handleEvent}); at one connection on 2 cores that spin
     * was half of the JVM's CPU. The servlet must support async.
     *
     * @param timeoutMs how long the client may take to read the reply (the container's default async timeout, 30 s,
     *                  would cut a large reply to a slow reader, already charged)
     */
    public static void writeAndComplete(HttpServletRequest request, HttpServletResponse response, int status,
                                        JsonObject body, long timeoutMs) throws IOException {
        byte[] bytes = head(response, status, body);
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMs);
        ServletOutputStream out = response.getOutputStream();
        out.setWriteListener(new WriteListener() {
            private boolean written;

            @Override
            public void onWritePossible() {
                try {
                    while (out.isReady()) {
                        if (written) {
                            async.complete();
                            return;
                        }
                        written = true;
                        out.write(bytes);
                    }
                } catch (IOException | IllegalStateException clientGone) {
                    async.complete();
                }
            }

            @Override
            public void onError(Throwable clientGone) {
                async.complete();
            }
        });
        ReplyHandOff.runNextTaskHere(); // the listener's start: on this thread when the servlet returns
    }

    private static byte[] head(HttpServletResponse response, int status, JsonObject body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        return bytes;
    }
}
