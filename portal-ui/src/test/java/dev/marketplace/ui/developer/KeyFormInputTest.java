package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.keys.application.NewKey;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFormInputTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest
    @CsvSource({"25,25000000", "$12.50,12500000", " 0.000001 ,1", "0,0", "$ 7,7000000"})
    void limitsAreExactMicroUsd(String typed, long micros) {
        KeyFormInput.Result r = KeyFormInput.parse("k", typed, LimitReset.MONTHLY, null, TODAY);
        assertTrue(r.valid(), r.errors()::toString);
        assertEquals(micros, r.request().limitMicros());
        assertEquals(LimitReset.MONTHLY, r.request().limitReset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e3", "0.0000001", "-5", "1,000"})
    void badLimitsAreTheLimitFieldsError(String typed) {
        KeyFormInput.Result r = KeyFormInput.parse("k", typed, LimitReset.NONE, null, TODAY);
        assertEquals(Set.of(KeyFormInput.LIMIT), r.errors().keySet());
        assertNull(r.request());
    }

    @Test
    void noLimitAndNoExpiryIsAPlainKey() {
        NewKey key = KeyFormInput.parse("laptop", " ", LimitReset.NONE, null, TODAY).request();
        assertEquals(new NewKey("laptop", null, LimitReset.NONE, null, null), key);
    }

    @Test
    void aResetNeedsALimit() {
        assertEquals(Set.of(KeyFormInput.LIMIT), KeyFormInput.parse("k", "", LimitReset.DAILY, null, TODAY).errors().keySet());
    }

    @Test
    void theKeyWorksThroughTheEndOfItsLastDay() {
        NewKey key = KeyFormInput.parse("k", "", LimitReset.NONE, TODAY, TODAY).request();
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), key.expiresAt());
        assertEquals(Set.of(KeyFormInput.EXPIRES),
                KeyFormInput.parse("k", "", LimitReset.NONE, TODAY.minusDays(1), TODAY).errors().keySet());
    }

    @Test
    void everyFieldAtFaultIsReportedAtOnce() {
        assertEquals(Set.of(KeyFormInput.NAME, KeyFormInput.LIMIT, KeyFormInput.EXPIRES),
                KeyFormInput.parse(" ", "x", LimitReset.NONE, TODAY.minusDays(3), TODAY).errors().keySet());
    }

    @Test
    void ruleParametersMapToTheirFields() {
        assertEquals(KeyFormInput.LIMIT, KeyFormInput.fieldOf("limit"));
        assertEquals(KeyFormInput.EXPIRES, KeyFormInput.fieldOf("expires_at"));
        assertEquals(KeyFormInput.NAME, KeyFormInput.fieldOf("name"));
        assertEquals(KeyFormInput.NAME, KeyFormInput.fieldOf(null));
    }
}
