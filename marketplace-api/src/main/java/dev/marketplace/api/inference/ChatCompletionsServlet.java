package dev.marketplace.api.inference;

import dev.marketplace.api.JsonReplies;
import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.gateway.application.Call;
import dev.marketplace.gateway.application.CallPreparer;
import dev.marketplace.gateway.application.ChatCompletions;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.routing.domain.Operation;
import dev.marketplace.platform.operations.Operations;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/chat/completions}: OpenAI's chat completions, JSON or server-sent events. A stream holds no
 * thread: the request thread prepares the call (key, route, hold) and returns; the stream then runs on
 * non-blocking servlet I/O and the upstream's asynchronous body, bounded by {@link #MAX_STREAM_MS}.
 */
@WebServlet(urlPatterns = "/v1/chat/completions", asyncSupported = true)
public class ChatCompletionsServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ChatCompletionsServlet.class.getName());
    static final String GENERATION_HEADER = "X-Generation-Id";
    /**
     * The longest a stream may run, and a reply may take to reach its client (Undertow's default async timeout, 30 s,
     * would cut long generations and large replies to slow readers).
     */
    static final long MAX_STREAM_MS = 10 * 60 * 1000L;

    @Inject
    CallPreparer preparer;
    @Inject
    ChatCompletions completions;
    /** One thread checks every open stream for silence (keepalive comments); it never blocks. */
    private ScheduledThreadPoolExecutor keepaliveTimer;

    @Override
    public void init() {
        keepaliveTimer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sse-keepalive");
            t.setDaemon(true);
            return t;
        });
        keepaliveTimer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void destroy() {
        keepaliveTimer.shutdownNow();
    }

    /** What this servlet serves; the legacy completions and embeddings servlets are this one with another operation. */
    protected Operation operation() {
        return Operation.CHAT_COMPLETIONS;
    }

    /** Only POST exists here; any other method gets a 405 in the API's error shape (not the container's page). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws jakarta.servlet.ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            JsonReplies.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ApiErrors.body(405, ApiErrors.typeFor(405),
                    "Use POST for " + request.getRequestURI(), null, java.util.Map.of()));
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] body = readBounded(request, CallPreparer.MAX_BODY_BYTES);
            Call call = preparer.prepare(operation(), request.getHeader("Authorization"), body);
            response.setHeader(GENERATION_HEADER, call.generationId());
            if (call.stream()) {
                stream(call, request, response);
            } else {
                JsonObject reply = completions.complete(call);
                JsonReplies.writeAndComplete(request, response, HttpServletResponse.SC_OK, reply, MAX_STREAM_MS);
            }
        } catch (GatewayException e) {
            if (response.getHeader(GENERATION_HEADER) == null) { // operations hook: refused before any upstream call
                Operations.refused(e.status());
            }
            if (response.isCommitted()) {
                // no message: an upstream's error text may echo the prompt, and logs never carry prompt text
                LOG.log(Level.WARNING, "error {0} after the response to {1} was committed",
                        new Object[]{e.status(), response.getHeader(GENERATION_HEADER)});
                return;
            }
            String retryAfter = e.metadata().get("retry_after_seconds");
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            JsonReplies.write(response, e.status(), ApiErrors.body(e));
        }
    }

    /** Starts the stream and returns: the sink ends the response (usage and [DONE], or the error) later. */
    private void stream(Call call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(MAX_STREAM_MS);
        completions.stream(call, new ServletSseSink(async, response, keepaliveTimer));
    }

    /** The body, or a 413 as soon as it is known to exceed the limit (without reading the rest). */
    private static byte[] readBounded(HttpServletRequest request, int limitBytes) throws IOException {
        long length = request.getContentLengthLong();
        if (length > limitBytes) {
            throw GatewayException.tooLarge(limitBytes);
        }
        try (InputStream in = request.getInputStream()) {
            if (length >= 0) { // the usual case: exactly the bytes announced, no growing buffers
                byte[] body = new byte[(int) length];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(limitBytes + 1);
            if (body.length > limitBytes) {
                throw GatewayException.tooLarge(limitBytes);
            }
            return body;
        }
    }
}
