package dev.marketplace.api.inference;

import dev.marketplace.routing.domain.Operation;
import jakarta.servlet.annotation.WebServlet;

/**
 * {@code POST /v1/embeddings}: OpenAI's embeddings ({@code input} as a string, strings or token ids;
 * {@code encoding_format}, {@code dimensions}), billed on input tokens at the listing's prompt price, through the same
 * hold, upstream, failover and settlement as chat completions; only endpoints whose protocol serves embeddings.
 */
@WebServlet(urlPatterns = "/v1/embeddings")
public class EmbeddingsServlet extends ChatCompletionsServlet {
    @Override
    protected Operation operation() {
        return Operation.EMBEDDINGS;
    }
}
