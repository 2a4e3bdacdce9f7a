package dev.marketplace.onboarding.listings.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenPricesTest {

    @ParameterizedTest(name = "{0} USD/token = {1} micro-USD/Mtok")
    @CsvSource({
            "0, 0",
            "0.0, 0",
            "0.000000000001, 1",
            "0.000000000002, 2",
            "0.0000000000010000, 1",
            "0.000000125, 125000",
            "0.0000005, 500000",
            "0.000008, 8000000",
            "0.000015, 15000000",
            "0.00006, 60000000",
            "1, 1000000000000",
            "9223372, 9223372000000000000",
    })
    void convertsPerTokenPricesExactly(String usdPerToken, long expected) throws TokenPrices.PriceException {
        assertEquals(expected, TokenPrices.microsPerMillionTokens(usdPerToken));
    }

    @ParameterizedTest(name = "{0} USD/request = {1} micro-USD")
    @CsvSource({"0, 0", "0.000001, 1", "0.0002, 200", "0.02, 20000", "1.5, 1500000"})
    void convertsPerRequestPricesExactly(String usdPerRequest, long expected) throws TokenPrices.PriceException {
        assertEquals(expected, TokenPrices.microsPerRequest(usdPerRequest));
    }

    @ParameterizedTest(name = "\"{0}\" refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0000000000001      | cannot be charged exactly",
            "0.0000000000015      | cannot be charged exactly",
            "0.000000123456789    | cannot be charged exactly",
            "-0.000001            | is negative",
            "-0                   | is negative",
            "1e-6                 | plain decimal string",
            "1E-6                 | plain decimal string",
            "NaN                  | plain decimal string",
            "Infinity             | plain decimal string",
            "' 0.000001'          | plain decimal string",
            "+0.000001            | plain decimal string",
            ".5                   | plain decimal string",
            "0x10                 | plain decimal string",
            "''                   | plain decimal string",
            "9223373              | too large",
            "99999999999999999999 | too large",
    })
    void refusesWhatCannotBeChargedExactly(String usdPerToken, String reason) {
        TokenPrices.PriceException refused = assertThrows(TokenPrices.PriceException.class,
                () -> TokenPrices.microsPerMillionTokens(usdPerToken));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0.0000005", "0.0000001"})
    void refusesSubMicroRequestPrices(String usdPerRequest) {
        assertThrows(TokenPrices.PriceException.class, () -> TokenPrices.microsPerRequest(usdPerRequest));
    }
}
