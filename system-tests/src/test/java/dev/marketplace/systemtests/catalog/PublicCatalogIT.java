package dev.marketplace.systemtests.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestTarget;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An anonymous visitor opens {@code /models} without being sent to sign in, searches, opens a model's page and sees
 * its endpoints table with the provider's prices and a scheduled price increase (with its date), and a link to sign
 * in for try-it.
 */
class PublicCatalogIT {
    static final String MODEL = "portal/catalog";

    @BeforeAll
    static void scheduleAnIncrease() throws Exception {
        try (Connection c = Db.connect()) {
            // once per stack: a rerun against the same stack finds the change already scheduled
            Db.queryLong(c, """
                    with added as (
                        insert into listing_price_change (listing_id, input_price_micros_per_mtok,
                                                          output_price_micros_per_mtok, effective_at, created_by)
                        select l.id, 1500000, 2000000, now() + interval '8 days', 'portal-it' from listing l
                        join model m on m.id = l.model_id where m.slug = ? and not exists (
                            select 1 from listing_price_change c where c.listing_id = l.id and c.applied_at is null)
                        returning 1)
                    select count(*) from added""", MODEL);
        }
    }

    @Test
    void anAnonymousVisitorSearchesAndSeesAModelsEndpointsAndItsUpcomingIncrease() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            PortalBrowser page = new PortalBrowser(chromium.driver(), TestTarget.baseUrl());
            page.open("/models", "catalog-models");
            assertEquals(TestTarget.baseUrl() + "/models", chromium.driver().getCurrentUrl(), "no sign-in needed");
            assertTrue(page.gridRows("catalog-models").size() > 1, "the catalog lists the live models");

            page.type("catalog-search", "Portal catalog");
            page.js("document.querySelector('#catalog-search input').dispatchEvent(new Event('change'))");
            page.waitForVaadin();
            List<List<String>> rows = wait(page, () -> page.gridRows("catalog-models"), r -> r.size() == 1);
            assertTrue(rows.get(0).get(0).contains(MODEL), rows.toString());

            page.clickByScript(By.cssSelector("#catalog-models a[data-model='" + MODEL + "']"));
            page.open("/models/" + MODEL, "model-endpoints");
            assertEquals("Portal catalog model", page.textContent("model-name"));
            List<List<String>> endpoints = page.gridRows("model-endpoints");
            assertEquals(1, endpoints.size(), endpoints.toString());
            List<String> row = endpoints.get(0);
            assertEquals("Portal IT provider", row.get(0));
            assertEquals("$1.00", row.get(1));
            assertEquals("$2.00", row.get(2));
            String upcoming = row.get(row.size() - 1);
            assertTrue(upcoming.startsWith("Increase from 20") && upcoming.contains("$1.50 in / $2.00 out per M"), upcoming);
            assertTrue(page.textContent("snippet-curl").contains("\"model\": \"" + MODEL + "\""));
            assertTrue(page.attribute(By.id("try-it-sign-in"), "href").startsWith("/login?to="), "anonymous: sign in to try");
        }
    }

    static <T> T wait(PortalBrowser page, java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page.waitForVaadin();
            value = read.get();
        }
        return value;
    }
}
