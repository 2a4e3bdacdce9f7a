package dev.marketplace.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.catalog.browse.Prices;
import org.junit.jupiter.api.Test;

class CatalogFormatsTest {

    @Test
    void pricesPrintExactlyWithAtLeastCents() {
        assertEquals("$2.50", CatalogFormats.perMillion(2_500_000));
        assertEquals("$2.00", CatalogFormats.perMillion(2_000_000));
        assertEquals("$0.000001", CatalogFormats.perMillion(1));
        assertEquals("$0.00", CatalogFormats.perMillion(0));
        assertEquals("$1234.567891", CatalogFormats.perMillion(1_234_567_891));
    }

    @Test
    void onlyOptionalPricesThatCostSomethingAreListed() {
        assertEquals("", CatalogFormats.extras(new Prices(1, 1, 0, 0, 0)));
        assertEquals("$0.0003/request \u00b7 cache read $0.50/M \u00b7 cache write $1.25/M",
                CatalogFormats.extras(new Prices(1, 1, 300, 500_000, 1_250_000)));
    }

    @Test
    void healthPrintsADashWithoutTraffic() {
        assertEquals("\u2014", CatalogFormats.uptime(null));
        assertEquals("99.5%", CatalogFormats.uptime(0.995));
        assertEquals("\u2014", CatalogFormats.millis(null));
        assertEquals("120 ms", CatalogFormats.millis(120.4));
        assertEquals("1,234,567", CatalogFormats.count(1_234_567));
    }
}
