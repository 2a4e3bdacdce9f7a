package dev.marketplace.demo;

import dev.marketplace.billing.credits.CreditGrants;
import dev.marketplace.keys.domain.KeySecret;
import dev.marketplace.platform.Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Seeds what a fresh install needs to make a first call: the simulated provider {@code sim} (platform-operated)
 * with its endpoint and the listing {@code sim/echo-1} at $0.50 / $1.50 per million tokens, the demo developer,
 * the demo API key (stored as its hash) and the developer's starting credit as a grant journal. Every step is
 * idempotent, so a restart changes nothing.
 */
@ApplicationScoped
public class DemoSeed {
    public static final String DEMO_KEY_DEFAULT = KeySecret.PREFIX + "demo".repeat(16);
    public static final long SIM_INPUT_PRICE_MICROS_PER_MTOK = 500_000;
    public static final long SIM_OUTPUT_PRICE_MICROS_PER_MTOK = 1_500_000;
    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    @Inject
    DemoCatalog catalog;
    @Inject
    CreditGrants grants;
    @Inject
    SeedFile seedFile;

    /** Applies the seed file named by MARKET_SEED (models, providers, listings, credits), if any. */
    public void seedFromFile(java.nio.file.Path path) {
        jakarta.json.JsonObject json;
        try (var reader = jakarta.json.Json.createReader(java.nio.file.Files.newBufferedReader(path))) {
            json = reader.readObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read seed file " + path, e);
        }
        for (SeedFile.Grant g : seedFile.apply(json)) {
            if (grants.grant(g.developerId(), g.amountMicros(), g.idempotencyKey(), "Seed file credit")) {
                LOG.info(() -> "Seed granted " + g.amountMicros() + " micro-USD to developer " + g.developerId());
            }
        }
    }

    public void seed() {
        long developerId = catalog.seedCatalogAndDeveloper();
        long creditMicros = Config.getLong("demo.credit-micros", 100_000_000L);
        if (grants.grant(developerId, creditMicros, "demo:initial-credit:" + developerId, "Demo starting credit")) {
            LOG.info(() -> "Granted demo credit of " + creditMicros + " micro-USD to developer " + developerId);
        }
    }

}
