package dev.marketplace.systemtests.account;

import static dev.marketplace.systemtests.account.AccountApi.data;
import static dev.marketplace.systemtests.account.AccountApi.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A key limited to 3 requests per minute: three calls go through, the fourth is a 429 with Retry-After. */
class RateLimitIT {
    @Test
    void theFourthCallInAMinuteIsRateLimited() {
        HttpResponse<String> created = post("/keys", AccountApi.managementKey(),
                "{\"name\":\"rpm-" + System.nanoTime() + "\",\"rate_limit_rpm\":3}");
        assertEquals(201, created.statusCode(), () -> Http.describe(created));
        JsonObject body = Http.json(created.body());
        assertEquals(3, body.getJsonObject("data").getInt("rate_limit_rpm"));
        String key = body.getString("key");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Http.postJson(ChatApi.completionsUrl(), key, ChatApi.body("rpm " + i, false, 5));
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
        }
        HttpResponse<String> limited = Http.postJson(ChatApi.completionsUrl(), key, ChatApi.body("rpm 4", false, 5));
        assertEquals(429, limited.statusCode(), () -> Http.describe(limited));
        JsonObject error = Http.json(limited.body()).getJsonObject("error");
        assertEquals("rate_limit_error", error.getString("type"));
        assertEquals(429, error.getInt("code"));
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "a token comes back within 20 s at 3 per minute: " + retryAfter);
        assertEquals(null, limited.headers().firstValue("X-Generation-Id").orElse(null), "refused before any generation");

        long id = body.getJsonObject("data").getJsonNumber("id").longValue();
        JsonObject cleared = data(AccountApi.patch("/keys/" + id, AccountApi.managementKey(), "{\"rate_limit_rpm\":null}"), 200);
        assertEquals(jakarta.json.JsonValue.NULL, cleared.get("rate_limit_rpm"), "the limit can be removed");
        HttpResponse<String> bad = AccountApi.patch("/keys/" + id, AccountApi.managementKey(), "{\"rate_limit_rpm\":0}");
        AccountApi.assertError(bad, 400, "rate_limit_rpm");
    }
}
