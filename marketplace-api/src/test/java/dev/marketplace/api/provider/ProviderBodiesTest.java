package dev.marketplace.api.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.providerapi.application.DraftChanges;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderBodiesTest {

    @Test
    void aPriceChangeCarriesTheCompleteSetAndItsTime() {
        ProviderBodies.PriceChangeBody body = ProviderBodies.priceChange("{\"prices\":{\"input_price_micros_per_mtok\":5,"
                + "\"output_price_micros_per_mtok\":6,\"request_price_micros\":7,\"tier_min_context\":100,"
                + "\"tier_input_price_micros_per_mtok\":8,\"tier_output_price_micros_per_mtok\":9},"
                + "\"effective_at\":\"2027-01-01T00:00:00+01:00\"}");
        assertEquals(new PriceSet(5, 6, 7, 0, 0, 100, 8L, 9L), body.prices());
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), body.effectiveAt());
        assertNull(ProviderBodies.priceChange("{\"prices\":{\"input_price_micros_per_mtok\":5,"
                + "\"output_price_micros_per_mtok\":6}}").effectiveAt());
    }

    @Test
    void aPatchMergesTheGivenPriceFieldsIntoTheCurrentSet() {
        DraftChanges changes = ProviderBodies.draftChanges("{\"prices\":{\"output_price_micros_per_mtok\":60,"
                + "\"tier_min_context\":null,\"tier_input_price_micros_per_mtok\":null,\"tier_output_price_micros_per_mtok\":null}}");
        PriceSet current = new PriceSet(1, 2, 3, 4, 5, 100, 8L, 9L);
        assertEquals(new PriceSet(1, 60, 3, 4, 5, null, null, null), changes.prices().apply(current));
        assertNull(changes.upstreamModel());
        assertEquals(false, changes.quantizationGiven());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}|prices",
            "{\"prices\":[]}|prices",
            "{\"prices\":{\"input_price_micros_per_mtok\":1}}|prices.output_price_micros_per_mtok",
            "{\"prices\":{\"input_price_micros_per_mtok\":1.5,\"output_price_micros_per_mtok\":1}}|prices.input_price_micros_per_mtok",
            "{\"prices\":{\"input_price_micros_per_mtok\":\"1\",\"output_price_micros_per_mtok\":1}}|prices.input_price_micros_per_mtok",
            "{\"prices\":{\"input_price_micros_per_mtok\":99999999999999999999,\"output_price_micros_per_mtok\":1}}|prices.input_price_micros_per_mtok",
            "{\"prices\":{\"input_price_micros_per_mtok\":1,\"output_price_micros_per_mtok\":-1}}|prices.output_price_micros_per_mtok",
            "{\"prices\":{\"input\":1,\"input_price_micros_per_mtok\":1,\"output_price_micros_per_mtok\":1}}|prices.input",
            "{\"prices\":{\"input_price_micros_per_mtok\":1,\"output_price_micros_per_mtok\":1},\"effective_at\":\"tomorrow\"}|effective_at",
            "{\"prices\":{\"input_price_micros_per_mtok\":1,\"output_price_micros_per_mtok\":1},\"when\":1}|when",
    })
    void everyWrongFieldIsNamed(String body, String param) {
        ProviderApiException e = assertThrows(ProviderApiException.class, () -> ProviderBodies.priceChange(body));
        assertEquals(400, e.status());
        assertEquals(param, e.param());
    }

    @Test
    void aDraftNeedsItsEndpointModelAndUpstreamId() {
        assertEquals("endpoint_id", assertThrows(ProviderApiException.class, () -> ProviderBodies.newDraft(
                "{\"endpoint_id\":\"3\",\"model\":\"a/b\",\"upstream_model\":\"x\",\"prices\":{}}")).param());
        assertEquals("model", assertThrows(ProviderApiException.class, () -> ProviderBodies.newDraft(
                "{\"endpoint_id\":3,\"upstream_model\":\"x\",\"prices\":{}}")).param());
        assertEquals("supported_parameters", assertThrows(ProviderApiException.class, () -> ProviderBodies.newDraft(
                "{\"endpoint_id\":3,\"model\":\"a/b\",\"upstream_model\":\"x\",\"prices\":{\"input_price_micros_per_mtok\":1,"
                        + "\"output_price_micros_per_mtok\":1},\"supported_parameters\":[1]}")).param());
        assertNull(assertThrows(ProviderApiException.class, () -> ProviderBodies.newDraft("not json")).param());
    }
}
