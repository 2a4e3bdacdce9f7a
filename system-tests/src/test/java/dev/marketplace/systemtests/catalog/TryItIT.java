package dev.marketplace.systemtests.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestTarget;
import dev.marketplace.systemtests.support.WithStubUpstreams;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The demo developer signs in from a model page, sends a prompt with try-it and is charged exactly that call's cost
 * (the usage record, the receipt and the ledger agree, at the listing's prices); then the provider and admin pages
 * refuse them.
 */
@ExtendWith(WithStubUpstreams.class)
class TryItIT {
    static final String MODEL = PublicCatalogIT.MODEL;
    /** portal/catalog's prices in the test seed, micro-USD per million tokens. */
    static final long INPUT = 1_000_000;
    static final long OUTPUT = 2_000_000;

    @Test
    void aDeveloperTriesAModelAndPaysExactlyForThatCall() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            PortalBrowser page = new PortalBrowser(chromium.driver(), TestTarget.baseUrl());
            page.open("/models/" + MODEL, "try-it-sign-in");
            page.followLink("try-it-sign-in"); // to Keycloak: not a Vaadin page
            page.signIn("developer", "developer", "/models/" + MODEL);
            page.waitVisible("try-it-prompt");
            page.typeInTextArea("try-it-prompt", "Hello from the catalog");
            page.click(By.id("try-it-send"));
            String generation = page.waitForAttribute("try-it-receipt", "data-generation");
            long shownCost = Long.parseLong(page.attribute(By.id("try-it-receipt"), "data-cost-micros"));

            try (Connection c = Db.connect()) {
                Db.Usage usage = Db.usage(c, generation).orElseThrow();
                assertEquals(MODEL, usage.modelSlug());
                assertEquals("ok", usage.status());
                long expected = ceilDiv(usage.promptTokens() * INPUT + usage.completionTokens() * OUTPUT, 1_000_000);
                assertTrue(expected > 0);
                assertEquals(expected, usage.costMicros(), "the listing's prices, nothing else");
                assertEquals(expected, shownCost, "the receipt shows the charge");
                long developer = Db.queryLong(c, "select id from developer where username = 'developer'");
                assertEquals(developer, usage.developerId(), "billed to the signed-in developer");
                List<Db.Posting> postings = Db.postings(c, generation);
                assertEquals(-expected, postings.stream().filter(p -> p.accountCode().equals(Db.creditAccount(developer)))
                        .mapToLong(Db.Posting::amountMicros).sum(), postings.toString());
                assertEquals("Portal try-it", Db.queryStrings(c, "select k.name from usage_record u join api_key k on "
                        + "k.id = u.api_key_id where u.id = '" + generation + "'").get(0));
            }

            for (String path : List.of("/provider", "/admin/take-rates", "/admin/providers/status")) {
                page.open(path, "current-user");
                assertEquals("Not for your role", page.heading2(), path);
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
