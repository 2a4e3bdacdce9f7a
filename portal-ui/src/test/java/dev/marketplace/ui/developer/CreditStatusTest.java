package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditStatusTest {

    @ParameterizedTest
    @CsvSource({"0,0,OUT", "-1,-1,OUT", "5000000,0,OUT", "5000000,-3,OUT", "999999,999999,LOW", "5000000,999999,LOW",
            "1000000,1000000,OK", "25000000,24000000,OK"})
    void theLevelFollowsWhatCanStillBeSpent(long balance, long available, CreditStatus.Level level) {
        CreditStatus status = CreditStatus.of(balance, available);
        assertEquals(level, status.level());
        assertTrue(status.message().startsWith("Balance "), status::message);
    }

    @ParameterizedTest
    @CsvSource({"0,0,out of credit", "500000,500000,running low"})
    void theMessageSaysWhatToDo(long balance, long available, String words) {
        String message = CreditStatus.of(balance, available).message();
        assertTrue(message.contains(words) && message.contains("buy more credits"), message);
    }
}
