package dev.marketplace.api.inference;

import dev.marketplace.api.JsonReplies;
import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.gateway.application.Call;
import dev.marketplace.gateway.application.CallPreparer;
import dev.marketplace.gateway.application.ChatCompletions;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.platform.operations.Operations;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code POST /v1/chat/completions}: OpenAI's chat completions, JSON or server-sent events. */
@WebServlet(urlPatterns = "/v1/chat/completions")
public class ChatCompletionsServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ChatCompletionsServlet.class.getName());
    static final String GENERATION_HEADER = "X-Generation-Id";

    @Inject
    CallPreparer preparer;
    @Inject
    ChatCompletions completions;
    @Resource
    ManagedScheduledExecutorService timer;

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
                stream(call, response);
            } else {
                JsonObject reply = completions.complete(call);
                JsonReplies.write(response, HttpServletResponse.SC_OK, reply);
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

    /** A stream; an error that comes after a keepalive committed the response is sent as an error event. */
    private void stream(Call call, HttpServletResponse response) {
        try (ServletSseSink sink = new ServletSseSink(response, timer)) {
            try {
                completions.stream(call, sink);
            } catch (GatewayException e) {
                if (!response.isCommitted()) {
                    throw e;
                }
                sink.error(ApiErrors.body(e));
            }
        } catch (ClientGoneException gone) {
            LOG.log(Level.FINE, "client left before the error event of {0}", call.generationId());
        }
    }

    /** The body, or a 413 as soon as it is known to exceed the limit (without reading the rest). */
    private static byte[] readBounded(HttpServletRequest request, int limitBytes) throws IOException {
        if (request.getContentLengthLong() > limitBytes) {
            throw GatewayException.tooLarge(limitBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limitBytes + 1);
            if (body.length > limitBytes) {
                throw GatewayException.tooLarge(limitBytes);
            }
            return body;
        }
    }
}
