package dev.marketplace.routing.domain;

/**
 * What an inference request asks of an upstream, in OpenAI's API terms, with the path under the endpoint's base
 * URL. Not every protocol can serve every operation: routing skips endpoints whose adapter cannot.
 */
public enum Operation {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings");

    private final String path;

    Operation(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
