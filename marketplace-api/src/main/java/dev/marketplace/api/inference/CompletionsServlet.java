package dev.marketplace.api.inference;

import dev.marketplace.routing.domain.Operation;
import jakarta.servlet.annotation.WebServlet;

/**
 * {@code POST /v1/completions}: OpenAI's legacy text completions ({@code prompt} as a string, strings or token ids),
 * JSON or server-sent events, through the same hold, upstream, failover and settlement as chat completions.
 */
@WebServlet(urlPatterns = "/v1/completions")
public class CompletionsServlet extends ChatCompletionsServlet {
    @Override
    protected Operation operation() {
        return Operation.COMPLETIONS;
    }
}
