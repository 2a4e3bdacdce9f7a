package dev.marketplace.systemtests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * The developer's keys and activity pages in headless Chromium, signed in through Keycloak as the demo developer:
 * a key created with a limit and an expiry shows its spend after a call, is refused once disabled and disappears when
 * deleted; calls tagged with request metadata show up in the activity charts and grid, the key filter narrows the
 * grid to them, and the CSV export holds exactly the filtered generations.
 */
class KeysAndActivityIT {
    private static final String BASE_URL = TestTarget.baseUrl();
    private static final String MODEL = "sim/echo-1";
    /** How long a changed key may still work: the API's key cache must drop it within this. */
    private static final Duration KEY_CHANGE_DEADLINE = Duration.ofSeconds(35);

    private HeadlessChromium browser;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = this::screenshotIfFailed;

    @BeforeEach
    void signIn() throws IOException {
        browser = new HeadlessChromium();
        new DeveloperPortalPage(browser.driver(), BASE_URL).openSignedOut().signInAtKeycloak("developer", "developer");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aKeyWithALimitAndAnExpiryShowsItsSpendAndCanBeDisabledAndDeleted() throws Exception {
        KeysPage keys = new KeysPage(browser.driver(), BASE_URL).open();
        String name = "limited-" + Instant.now().toEpochMilli();

        keys.type("new-key-name", name);
        keys.type("new-key-limit", "1,5");
        keys.click(org.openqa.selenium.By.id("new-key-create"));
        assertTrue(keys.fieldError("new-key-limit").contains("USD"), "a clear error for a bad amount");
        assertTrue(keys.row(name).isEmpty(), "nothing created from a bad form");

        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        KeysPage.CreatedKey created = keys.create(name, "2.5", "Monthly", lastDay.toString());
        String apiBase = BASE_URL + "/api/v1";
        for (String snippet : List.of(created.curl(), created.python(), created.javascript(), created.java())) {
            assertTrue(snippet.contains(created.secret()) && snippet.contains(apiBase) && snippet.contains(MODEL),
                    "each snippet is ready to run: " + snippet);
        }
        keys.closeDialog();

        List<String> fresh = keys.waitForRow(name);
        assertEquals("Active", fresh.get(KeysPage.STATUS));
        assertEquals("$2.500000 per month", fresh.get(KeysPage.LIMIT));
        assertEquals("$0.000000", fresh.get(KeysPage.USED_TOTAL));
        assertEquals("$2.500000", fresh.get(KeysPage.REMAINING));
        assertEquals("never", fresh.get(KeysPage.LAST_USED));
        assertEquals(lastDay.plusDays(1) + " 00:00:00 UTC", fresh.get(KeysPage.EXPIRES));

        BigDecimal cost = costOf(call(created.secret(), null));
        keys.open();
        List<String> used = keys.waitForRow(name);
        assertEquals("$" + cost.setScale(6).toPlainString(), used.get(KeysPage.USED_TOTAL));
        assertEquals("$" + cost.setScale(6).toPlainString(), used.get(KeysPage.USED_PERIOD));
        assertEquals("$" + new BigDecimal("2.5").subtract(cost).setScale(6).toPlainString(), used.get(KeysPage.REMAINING));
        assertTrue(used.get(KeysPage.LAST_USED).endsWith("UTC"), "last used: " + used.get(KeysPage.LAST_USED));

        keys.disable(name);
        assertEquals("Disabled", keys.waitForRow(name).get(KeysPage.STATUS));
        assertEquals(401, statusWithin(created.secret(), 401));

        keys.delete(name);
        keys.wait.until(d -> keys.row(name).isEmpty());
        keys.showDeleted();
        assertTrue(keys.waitForRow(name).get(KeysPage.STATUS).startsWith("Deleted"), "a deleted key is listed as deleted");
    }

    @Test
    void taggedCallsShowInTheChartsTheGridAndTheExport() throws Exception {
        KeysPage keys = new KeysPage(browser.driver(), BASE_URL).open();
        String name = "activity-" + Instant.now().toEpochMilli();
        String secret = keys.create(name, "", "Never", "").secret();
        keys.closeDialog();

        String tagA = "it-a-" + Instant.now().toEpochMilli();
        String tagB = "it-b-" + Instant.now().toEpochMilli();
        List<String> generations = new ArrayList<>();
        for (String tag : List.of(tagA, tagA, tagB)) {
            generations.add(call(secret, tag).getString("id"));
        }
        // a call with the demo key: in the unfiltered activity, not in the key's
        String other = call(TestTarget.apiKey(), null).getString("id");

        ActivityPage activity = new ActivityPage(browser.driver(), BASE_URL).open();
        assertTrue(activity.balanceBanner().startsWith("Balance $"), activity.balanceBanner());
        for (String chart : List.of("chart-spend", "chart-tokens", "chart-requests")) {
            assertTrue(activity.bars(chart) > 0, chart + " has bars");
        }
        activity.breakDownBy("Metadata tag");
        activity.wait.until(d -> activity.legend("chart-requests").containsAll(List.of(tagA, tagB)));

        activity.filterByKey(name);
        activity.wait.until(d -> activity.rows().size() == 3);
        assertTrue(activity.rows().stream().allMatch(row -> row.get(ActivityPage.KEY).equals(name)
                && row.get(ActivityPage.MODEL).equals(MODEL)), () -> activity.rows().toString());
        assertEquals(2, activity.rows().stream().filter(row -> row.get(ActivityPage.METADATA).contains(tagA)).count());

        HttpResponse<String> csv = download(activity.exportHref());
        assertEquals(200, csv.statusCode(), () -> Http.describe(csv));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals("attachment; filename=\"generations-" + LocalDate.now(ZoneOffset.UTC).minusDays(6) + "-to-" + today
                + ".csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertEquals("generation_id,created_at,model,provider,key,prompt_tokens,completion_tokens,cost_usd,latency_ms,"
                + "status,streamed,metadata", lines.get(0));
        Set<String> exported = lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(generations), exported, "exactly the filtered generations");
        assertEquals(4, lines.size(), "a header and three rows: " + lines);
        assertTrue(!exported.contains(other));
        assertTrue(lines.get(1).matches(".*,[0-9]+\\.[0-9]{6},[0-9]+,ok,false,.*"), "exact USD: " + lines.get(1));

        activity.filterByStatus("error");
        activity.wait.until(d -> activity.rows().isEmpty());
        assertTrue(download(activity.exportHref()).body().split("\r\n").length == 1, "no error generations: header only");
    }

    /** A small chat completion with the key, tagged in its metadata when a tag is given; returns the response. */
    private static JsonObject call(String key, String tag) {
        String metadata = tag == null ? "" : ",\"metadata\":{\"tag\":\"" + tag + "\"}";
        HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + "/chat/completions", key, "{\"model\":\"" + MODEL
                + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + metadata + "}");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body());
    }

    private static BigDecimal costOf(JsonObject response) {
        return response.getJsonObject("usage").getJsonNumber("cost").bigDecimalValue();
    }

    /** Polls until a call with the key answers {@code expected} or the deadline passes; the last status seen. */
    private static int statusWithin(String key, int expected) throws InterruptedException {
        Instant giveUp = Instant.now().plus(KEY_CHANGE_DEADLINE);
        String body = "{\"model\":\"" + MODEL + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        int status = Http.postJson(TestTarget.apiUrl() + "/chat/completions", key, body).statusCode();
        while (status != expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            status = Http.postJson(TestTarget.apiUrl() + "/chat/completions", key, body).statusCode();
        }
        return status;
    }

    /** Fetches a portal path with the browser's session cookie, as the download link would. */
    private HttpResponse<String> download(String path) {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        return Http.send(Http.request(BASE_URL + path, null).header("Cookie", "JSESSIONID=" + session.getValue())
                .GET().build());
    }

    private void screenshotIfFailed(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && browser != null) {
            System.err.println("Screenshot of the failure: " + browser.screenshot(getClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName()).toAbsolutePath());
        }
    }
}
