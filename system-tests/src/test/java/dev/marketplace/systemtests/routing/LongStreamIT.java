package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Sse;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stream longer than 30 s (45 s, a chunk every 1.5 s) is delivered whole and charged for what it delivered. */
class LongStreamIT {
    private static StubUpstreams stubs;

    @BeforeAll
    static void startStubs() throws Exception {
        stubs = StubUpstreams.start();
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    @Test
    void aFortyFiveSecondStreamCompletes() throws Exception {
        String body = "{\"model\":\"test/long\",\"stream\":true,\"max_tokens\":200,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"take your time\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestTarget.apiUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + TestTarget.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<String> events = Sse.dataPayloads(r.body());
        assertEquals(Sse.DONE, events.get(events.size() - 1), "the stream ended with [DONE], not a cut");
        long contentChunks = events.stream().filter(e -> e.contains("\"content\":\" l")).count();
        assertEquals(StubUpstreams.LONG_CHUNKS, contentChunks, "every chunk of the 45 s stream arrived");
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, r.headers().firstValue("X-Generation-Id").orElseThrow()).orElseThrow();
            assertEquals("ok", usage.status());
            assertTrue(usage.completionTokens() > 0, "the delivered text was counted (the stub reports no usage)");
        }
    }
}
