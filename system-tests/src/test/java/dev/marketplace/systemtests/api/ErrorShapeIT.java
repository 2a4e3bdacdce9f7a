package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused request answers {@code {"error":{"message","type","code","param","metadata"}}} with
 * {@code code} = the HTTP status, and is refused before anything is held or metered.
 */
class ErrorShapeIT {
    private static final String VALID_BODY = ChatApi.body("hello", false, 0);
    private static final String USER_MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]";

    /** A refused request: how it is sent, and the status, type and param it must be answered with. */
    record Case(String name, String path, String key, String body, int status, String type, String param) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String key = TestTarget.apiKey();
        return Stream.of(
                new Case("no key", "/chat/completions", null, VALID_BODY, 401, "authentication_error", null),
                new Case("bad key", "/chat/completions", "sk-mk-v1-" + "f".repeat(64), VALID_BODY, 401,
                        "authentication_error", null),
                new Case("malformed JSON", "/chat/completions", key, "{\"model\": \"sim/echo-1\", ", 400,
                        "invalid_request_error", null),
                new Case("missing messages", "/chat/completions", key, "{\"model\":\"sim/echo-1\"}", 400,
                        "invalid_request_error", "messages"),
                new Case("missing model", "/chat/completions", key, "{" + USER_MESSAGES + "}", 400,
                        "invalid_request_error", "model"),
                new Case("unknown model", "/chat/completions", key, "{\"model\":\"sim/no-such-model\"," + USER_MESSAGES + "}",
                        404, "invalid_request_error", "model"),
                new Case("unknown path", "/no/such/path", key, VALID_BODY, 404, "invalid_request_error", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheErrorShapeAndChargesNothing(Case c) throws Exception {
        try (Connection db = Db.connect()) {
            String account = Db.creditAccount(Db.developerIdOfKey(db, TestTarget.apiKey()));
            OffsetDateTime before = Db.now(db);

            HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + c.path(), c.key(), c.body());

            assertEquals(c.status(), r.statusCode(), () -> Http.describe(r));
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertErrorShape(c, Http.json(r.body()));
            assertFalse(r.headers().firstValue(ChatApi.GENERATION_HEADER).isPresent(),
                    () -> "a refused request is no generation: " + Http.describe(r));
            assertNoHoldLeftOpenSince(db, account, before);
        }
    }

    @Test
    void wrongMethodOnChatCompletionsAnswersTheErrorShape() {
        HttpResponse<String> r = Http.get(ChatApi.completionsUrl(), TestTarget.apiKey());

        assertEquals(405, r.statusCode(), () -> Http.describe(r));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                () -> Http.describe(r));
        assertErrorShape(new Case("GET", "/chat/completions", null, null, 405, "invalid_request_error", null),
                Http.json(r.body()));
    }

    private static void assertErrorShape(Case c, JsonObject body) {
        assertEquals(Set.of("error"), body.keySet(), body::toString);
        JsonObject error = body.getJsonObject("error");
        assertEquals(Set.of("message", "type", "code", "param", "metadata"), error.keySet(), body::toString);
        assertTrue(error.get("message") instanceof JsonString m && !m.getString().isBlank(), body::toString);
        assertEquals(c.type(), error.getString("type"));
        assertTrue(error.get("code") instanceof JsonNumber n && n.isIntegral() && n.intValueExact() == c.status(),
                () -> "code must be the number " + c.status() + ": " + body);
        JsonValue param = error.get("param");
        if (c.param() == null) {
            assertEquals(JsonValue.NULL, param, body::toString);
        } else {
            assertEquals(c.param(), ((JsonString) param).getString(), body::toString);
        }
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, error.getJsonObject("metadata"), body::toString);
    }

    /**
     * Holds placed since the request by concurrent, successful calls close within moments; a hold leaked by a
     * refused request would stay open. So: wait until every hold opened since then has closed.
     */
    private static void assertNoHoldLeftOpenSince(Connection db, String account, OffsetDateTime since) throws Exception {
        List<String> open = Db.openHoldsSince(db, account, since);
        for (int i = 0; i < 50 && !open.isEmpty(); i++) {
            Thread.sleep(200);
            open = Db.openHoldsSince(db, account, since);
        }
        assertEquals(List.of(), open, "holds on " + account + " opened since the refused request and still open");
    }
}
