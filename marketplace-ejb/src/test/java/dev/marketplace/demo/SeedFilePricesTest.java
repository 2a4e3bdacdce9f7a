package dev.marketplace.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.money.PriceSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A seed listing's prices: the two required token prices, and request, cache and tier prices when given. */
class SeedFilePricesTest {

    @Test
    void tokenPricesAloneAreAPriceSetWithoutExtras() {
        assertEquals(PriceSet.tokens(10, 20), SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 10, "output_price_micros_per_mtok": 20}""")));
    }

    @Test
    void everyPriceFieldIsRead() {
        assertEquals(new PriceSet(1_000_000, 2_000_000, 250, 300_000, 3_750_000, new PriceSet.Tier(40, 4_000_000, 8_000_000)),
                SeedFile.prices(json("""
                        {"input_price_micros_per_mtok": 1000000, "output_price_micros_per_mtok": 2000000,
                         "request_price_micros": 250, "cache_read_price_micros_per_mtok": 300000,
                         "cache_write_price_micros_per_mtok": 3750000,
                         "tier": {"min_context": 40, "input_price_micros_per_mtok": 4000000,
                                  "output_price_micros_per_mtok": 8000000}}""")));
    }

    @Test
    void wrongPricesAreRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1, "request_price_micros": -1}""")));
        assertThrows(IllegalArgumentException.class, () -> SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1,
                 "tier": {"min_context": 0, "input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1}}""")));
        assertThrows(ArithmeticException.class, () -> SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1, "request_price_micros": 0.5}""")));
        assertThrows(IllegalArgumentException.class, () -> SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1, "tier": {"min_context": 5}}""")),
                "a tier without its prices");
        assertThrows(IllegalArgumentException.class, () -> SeedFile.prices(json("""
                {"input_price_micros_per_mtok": 1, "output_price_micros_per_mtok": 1, "request_price_micros": "250"}""")),
                "a price as a string");
    }

    @Test
    void theSystemTestSeedsPricedListingsParse() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../system-tests/src/test/resources/test-seed.json"))) {
            JsonObject seed = Json.createReader(reader).readObject();
            JsonObject tier = BenchSeedTest.find(seed, "listings", "model", "test/priced-tier");
            assertEquals(new PriceSet(1_000_000, 2_000_000, 0, 0, 0, new PriceSet.Tier(40, 4_000_000, 8_000_000)),
                    SeedFile.prices(tier));
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
