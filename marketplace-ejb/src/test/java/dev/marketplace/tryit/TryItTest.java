package dev.marketplace.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TryItTest {

    @Test
    void theBodyIsAChatRequestForOnePromptWithACappedAnswer() {
        JsonObject body = JsonP.createReader(new StringReader(new String(TryIt.body("a/b", "Hi \"there\""),
                StandardCharsets.UTF_8))).readObject();
        assertEquals("a/b", body.getString("model"));
        assertEquals("Hi \"there\"", body.getJsonArray("messages").getJsonObject(0).getString("content"));
        assertEquals(TryIt.MAX_TOKENS, body.getInt("max_tokens"));
    }

    @Test
    void theAnswerCarriesTheExactCostInMicros() {
        JsonObject reply = JsonP.createReader(new StringReader("""
                {"id":"gen-1","provider":"Sim","choices":[{"message":{"role":"assistant","content":"Hello"}}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"cost":0.000123}}""")).readObject();
        assertEquals(new TryItAnswer("gen-1", "Hello", "Sim", 12, 3, 123), TryIt.answer(reply));
    }
}
