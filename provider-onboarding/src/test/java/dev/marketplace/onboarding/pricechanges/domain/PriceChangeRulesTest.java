package dev.marketplace.onboarding.pricechanges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceChangeRulesTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final PriceChangeRules RULES = new PriceChangeRules(PriceChangeRules.DEFAULT_NOTICE);
    static final PriceSet CURRENT = new PriceSet(1_000_000, 2_000_000, 100, 500_000, 1_250_000, 32_000, 2_000_000L, 4_000_000L);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "input up,             1000001, 2000000, 100, 500000, 1250000, 32000, 2000000, 4000000, true",
            "output up,            1000000, 2000001, 100, 500000, 1250000, 32000, 2000000, 4000000, true",
            "request up,           1000000, 2000000, 101, 500000, 1250000, 32000, 2000000, 4000000, true",
            "cache read up,        1000000, 2000000, 100, 500001, 1250000, 32000, 2000000, 4000000, true",
            "cache write up,       1000000, 2000000, 100, 500000, 1250001, 32000, 2000000, 4000000, true",
            "tier input up,        1000000, 2000000, 100, 500000, 1250000, 32000, 2000001, 4000000, true",
            "tier output up,       1000000, 2000000, 100, 500000, 1250000, 32000, 2000000, 4000001, true",
            "tier starts earlier,  1000000, 2000000, 100, 500000, 1250000, 31999, 2000000, 4000000, true",
            "tier starts later,    1000000, 2000000, 100, 500000, 1250000, 32001, 2000000, 4000000, false",
            "everything down,      999999,  1999999, 99,  499999, 1249999, 32000, 1999999, 3999999, false",
            "input down output up, 900000,  2000001, 100, 500000, 1250000, 32000, 2000000, 4000000, true",
    })
    void whatRaisesAPrice(String name, long in, long out, long req, long cr, long cw, int tierMin, long tierIn,
                          long tierOut, boolean raises) {
        assertEquals(raises, PriceChangeRules.raises(CURRENT, new PriceSet(in, out, req, cr, cw, tierMin, tierIn, tierOut)));
    }

    @Test
    void droppingATierRaisesWhenTheTierWasCheaperForLongPrompts() {
        PriceSet cheapTier = new PriceSet(2_000_000, 4_000_000, 0, 0, 0, 1000, 1_000_000L, 1_000_000L);
        assertTrue(PriceChangeRules.raises(cheapTier, PriceSet.simple(2_000_000, 4_000_000)));
        PriceSet dearTier = new PriceSet(2_000_000, 4_000_000, 0, 0, 0, 1000, 3_000_000L, 5_000_000L);
        assertFalse(PriceChangeRules.raises(dearTier, PriceSet.simple(2_000_000, 4_000_000)));
        assertTrue(PriceChangeRules.raises(PriceSet.simple(2_000_000, 4_000_000), dearTier), "adding a dearer tier");
    }

    @Test
    void aDecreaseTakesEffectAtOnceWithoutEffectiveAt() {
        PriceChangePlan plan = RULES.plan("live", CURRENT, lower(), null, NOW);
        assertTrue(plan.applyNow());
        assertEquals(NOW, plan.effectiveAt());
        assertFalse(plan.raises());
    }

    @Test
    void aDecreaseMayBeScheduledForLater() {
        Instant later = NOW.plus(Duration.ofHours(3));
        PriceChangePlan plan = RULES.plan("live", CURRENT, lower(), later, NOW);
        assertFalse(plan.applyNow());
        assertEquals(later, plan.effectiveAt());
    }

    @Test
    void anIncreaseWithoutNoticeIsRefusedNamingEffectiveAt() {
        InvalidPriceException none = assertThrows(InvalidPriceException.class,
                () -> RULES.plan("live", CURRENT, higher(), null, NOW));
        assertEquals("effective_at", none.field());
        InvalidPriceException short1s = assertThrows(InvalidPriceException.class,
                () -> RULES.plan("live", CURRENT, higher(), NOW.plus(Duration.ofDays(7)).minusSeconds(1), NOW));
        assertEquals("effective_at", short1s.field());
        assertTrue(short1s.getMessage().contains("7 days"), short1s.getMessage());
    }

    @Test
    void anIncreaseWithExactlyTheNoticeIsScheduled() {
        Instant inAWeek = NOW.plus(Duration.ofDays(7));
        PriceChangePlan plan = RULES.plan("live", CURRENT, higher(), inAWeek, NOW);
        assertFalse(plan.applyNow());
        assertEquals(inAWeek, plan.effectiveAt());
        assertTrue(plan.raises());
    }

    @Test
    void theNoticePeriodIsConfigurable() {
        PriceChangeRules oneDay = new PriceChangeRules(Duration.ofDays(1));
        assertFalse(oneDay.plan("paused", CURRENT, higher(), NOW.plus(Duration.ofDays(1)), NOW).applyNow());
        assertThrows(InvalidPriceException.class, () -> oneDay.plan("live", CURRENT, higher(), NOW.plusSeconds(3600), NOW));
        assertThrows(IllegalArgumentException.class, () -> new PriceChangeRules(Duration.ofDays(-1)));
    }

    @Test
    void aDraftChangesPriceDirectlyEvenUpwards() {
        PriceChangePlan plan = RULES.plan("draft", CURRENT, higher(), null, NOW);
        assertTrue(plan.applyNow());
        assertTrue(plan.raises());
    }

    @Test
    void pastEffectiveAtNoChangeAndRetiredAreRefused() {
        assertEquals("effective_at", assertThrows(InvalidPriceException.class,
                () -> RULES.plan("live", CURRENT, lower(), NOW.minus(Duration.ofMinutes(2)), NOW)).field());
        assertTrue(RULES.plan("live", CURRENT, lower(), NOW.minusSeconds(30), NOW).applyNow(), "within the clock skew");
        assertThrows(InvalidPriceException.class, () -> RULES.plan("live", CURRENT, CURRENT, null, NOW));
        assertEquals("listing_id", assertThrows(InvalidPriceException.class,
                () -> RULES.plan("retired", CURRENT, lower(), null, NOW)).field());
    }

    @Test
    void aPriceSetNamesTheFieldItRefuses() {
        assertEquals("output_price_micros_per_mtok", assertThrows(InvalidPriceException.class,
                () -> PriceSet.simple(1, -1)).field());
        assertEquals("tier_min_context", assertThrows(InvalidPriceException.class,
                () -> new PriceSet(1, 1, 0, 0, 0, 100, null, 5L)).field());
        assertEquals("tier_min_context", assertThrows(InvalidPriceException.class,
                () -> new PriceSet(1, 1, 0, 0, 0, 0, 1L, 5L)).field());
    }

    private static PriceSet lower() {
        return new PriceSet(900_000, 2_000_000, 100, 500_000, 1_250_000, 32_000, 2_000_000L, 4_000_000L);
    }

    private static PriceSet higher() {
        return new PriceSet(1_000_000, 2_500_000, 100, 500_000, 1_250_000, 32_000, 2_000_000L, 4_000_000L);
    }
}
