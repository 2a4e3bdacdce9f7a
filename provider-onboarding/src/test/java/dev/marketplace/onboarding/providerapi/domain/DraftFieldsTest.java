package dev.marketplace.onboarding.providerapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftFieldsTest {

    @Test
    void eachRuleNamesItsField() {
        assertEquals("upstream_model", assertThrows(InvalidDraftException.class, () -> DraftFields.upstreamModel(" ")).field());
        assertEquals("upstream_model", assertThrows(InvalidDraftException.class,
                () -> DraftFields.upstreamModel("x".repeat(201))).field());
        assertEquals("quantization", assertThrows(InvalidDraftException.class, () -> DraftFields.quantization("fp3")).field());
        assertEquals("supported_parameters", assertThrows(InvalidDraftException.class,
                () -> DraftFields.supportedParameters(List.of("Temperature"))).field());
        assertEquals("supported_parameters", assertThrows(InvalidDraftException.class,
                () -> DraftFields.supportedParameters(Collections.nCopies(65, "top_p"))).field());
    }

    @Test
    void validValuesAreNormalised() {
        assertEquals("acme-7b", DraftFields.upstreamModel(" acme-7b "));
        assertEquals("fp8", DraftFields.quantization("fp8"));
        assertNull(DraftFields.quantization(null));
        assertEquals(List.of("max_tokens", "temperature"),
                DraftFields.supportedParameters(List.of("temperature", "max_tokens", "temperature")));
        assertNull(DraftFields.supportedParameters(null));
    }
}
