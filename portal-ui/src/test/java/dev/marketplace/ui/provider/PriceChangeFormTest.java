package dev.marketplace.ui.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import org.junit.jupiter.api.Test;

class PriceChangeFormTest {

    @Test
    void pricesRoundTripExactlyThroughUsdText() {
        PriceChangeForm form = new PriceChangeForm();
        PriceSet prices = new PriceSet(1_250_001, 4_999_999, 7, 1, 0, 32_000, 2_000_000L, 9_000_000L);
        form.show(prices);
        assertEquals("1.250001", form.usdField("input_price_micros_per_mtok").getValue());
        assertEquals(prices, form.prices());
        assertEquals(null, form.effectiveAt());
    }

    @Test
    void anInexactAmountIsMarkedBesideItsField() {
        PriceChangeForm form = new PriceChangeForm();
        form.show(PriceSet.simple(1, 1));
        form.usdField("cache_read_price_micros_per_mtok").setValue("0.0000001");
        InvalidPriceException e = assertThrows(InvalidPriceException.class, form::prices);
        assertEquals("cache_read_price_micros_per_mtok", e.field());
        assertTrue(form.usdField("cache_read_price_micros_per_mtok").isInvalid());
        assertFalse(form.usdField("input_price_micros_per_mtok").isInvalid());
    }

    @Test
    void theServicesParamMarksTheNamedField() {
        PriceChangeForm form = new PriceChangeForm();
        form.error("prices.output_price_micros_per_mtok", "must not be negative");
        assertTrue(form.usdField("output_price_micros_per_mtok").isInvalid());
        assertEquals("must not be negative", form.usdField("output_price_micros_per_mtok").getErrorMessage());
    }
}
