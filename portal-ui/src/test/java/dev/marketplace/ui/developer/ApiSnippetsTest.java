package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiSnippetsTest {

    @Test
    void curlCallsChatCompletionsOnTheSimulator() {
        assertEquals("""
                curl http://localhost:8380/api/v1/chat/completions \\
                  -H "Authorization: Bearer $MARKETPLACE_API_KEY" \\
                  -H "Content-Type: application/json" \\
                  -d '{"model": "sim/echo-1", "messages": [{"role": "user", "content": "Hello!"}]}'""",
                ApiSnippets.curl("http://localhost:8380/api/v1"));
    }
}
