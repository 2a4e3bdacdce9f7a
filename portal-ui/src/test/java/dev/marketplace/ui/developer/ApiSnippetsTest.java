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

    @Test
    void everySnippetHoldsTheBaseTheKeyAndTheModel() {
        var all = ApiSnippets.all("https://m.example/api/v1", "sk-mk-v1-abc", "sim/echo-1");
        assertEquals(java.util.List.of("curl", "Python", "JavaScript", "Java"),
                all.stream().map(ApiSnippets.Snippet::language).toList());
        for (ApiSnippets.Snippet s : all) {
            org.junit.jupiter.api.Assertions.assertTrue(s.code().contains("https://m.example/api/v1")
                    && s.code().contains("sk-mk-v1-abc") && s.code().contains("sim/echo-1"), s::code);
        }
    }

    @Test
    void javaSnippetIsAValidStringLiteralBody() {
        String java = ApiSnippets.java("http://h/api/v1", "sk", "a/b");
        org.junit.jupiter.api.Assertions.assertTrue(java.contains(
                "String body = \"{\\\"model\\\": \\\"a/b\\\", \\\"messages\\\""), java);
        org.junit.jupiter.api.Assertions.assertTrue(java.contains("URI.create(\"http://h/api/v1/chat/completions\")"), java);
    }

    @Test
    void theSimulatorIsTheExampleWhenListed() {
        assertEquals("sim/echo-1", ApiSnippets.exampleModel(java.util.List.of("a/b", "sim/echo-1")));
        assertEquals("a/b", ApiSnippets.exampleModel(java.util.List.of("a/b", "c/d")));
        assertEquals("sim/echo-1", ApiSnippets.exampleModel(java.util.List.of()));
    }
}
