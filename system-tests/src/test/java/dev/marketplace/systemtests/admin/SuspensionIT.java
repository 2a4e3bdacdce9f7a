package dev.marketplace.systemtests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.catalog.PortalBrowser;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import dev.marketplace.systemtests.support.WithStubUpstreams;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An admin suspends a provider on {@code /admin/providers/status} with a reason: its model stops being served on
 * the API within two seconds, the audit log has the entry with the reason, the provider's page is gone from the
 * catalog; reinstating serves it again.
 */
@ExtendWith(WithStubUpstreams.class)
class SuspensionIT {
    static final String MODEL = "portal/suspendable";
    static final String PROVIDER = "portal-susp";
    static final Duration STOPS_WITHIN = Duration.ofSeconds(2);

    @Test
    void aSuspendedProviderStopsServingWithinTwoSecondsAndIsAudited() throws Exception {
        long providerId;
        try (Connection c = Db.connect()) {
            providerId = Db.queryLong(c, "select id from provider where slug = ?", PROVIDER);
        }
        assertEquals(200, call().statusCode(), "served before");
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            PortalBrowser page = new PortalBrowser(chromium.driver(), TestTarget.baseUrl());
            page.openSignedIn("/admin/providers/status", "admin", "admin");
            page.waitVisible("provider-status");

            page.clickByScript(By.id("suspend-provider-" + providerId));
            page.waitVisible("action-reason");
            page.typeInTextArea("action-reason", "Serving the wrong weights");
            page.clickByScript(By.id("action-confirm"));
            long suspendedAt = System.nanoTime();
            int status = 200;
            while (status == 200 && System.nanoTime() - suspendedAt < STOPS_WITHIN.toNanos() + 500_000_000L) {
                status = call().statusCode();
                if (status == 200) {
                    Thread.sleep(50);
                }
            }
            long tookMs = (System.nanoTime() - suspendedAt) / 1_000_000;
            assertEquals(404, status, "the model has no other provider: not found once suspended");
            assertTrue(tookMs <= STOPS_WITHIN.toMillis(), "stopped after " + tookMs + " ms");
            System.out.printf("suspended provider's model refused %d ms after the admin confirmed%n", tookMs);
            try (Connection c = Db.connect()) {
                assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where actor = 'admin' and action = "
                        + "'provider.suspend' and target = ? and reason = 'Serving the wrong weights'", "provider:" + providerId));
                assertEquals("suspended", Db.queryStrings(c, "select status from provider where id = " + providerId).get(0));
            }

            page.clickByScript(By.id("reinstate-provider-" + providerId));
            page.waitVisible("action-reason");
            page.typeInTextArea("action-reason", "Weights fixed");
            page.clickByScript(By.id("action-confirm"));
            long reinstatedAt = System.nanoTime();
            while (call().statusCode() != 200 && System.nanoTime() - reinstatedAt < 5_000_000_000L) {
                Thread.sleep(100);
            }
            assertEquals(200, call().statusCode(), "served again after reinstating");
        }
    }

    private static HttpResponse<String> call() {
        return Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"still there?\"}],\"max_tokens\":8}");
    }
}
