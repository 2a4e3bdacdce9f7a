package dev.marketplace.onboarding.payouts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutNoticeTest {

    private static ConnectedAccountStatus state(String transfers, String... due) {
        return new ConnectedAccountStatus("acct_1", true, false, false, transfers, List.of(due));
    }

    private static List<String> subjects(ConnectedAccountStatus before, ConnectedAccountStatus after) {
        return PayoutNotice.between(before, after).stream().map(PayoutNotice::subject).toList();
    }

    @Test
    void noticesFollowWhatChanged() {
        assertEquals(List.of("Your payout account is active"), subjects(state("inactive", "a"), state("active")));
        assertEquals(List.of("Payouts paused: transfers are inactive", "Stripe needs more details for your payout account"),
                subjects(state("active"), state("inactive", "individual.verification.document")));
        assertEquals(List.of("Stripe needs more details for your payout account"),
                subjects(state("inactive"), state("pending", "external_account")));
        assertEquals(List.of("Stripe needs more details for your payout account"),
                subjects(state("pending", "a"), state("pending", "a", "b")), "a new requirement");
        assertEquals(List.of(), subjects(state("pending", "a", "b"), state("pending", "a")), "fewer requirements");
        assertEquals(List.of(), subjects(state("active"), state("active")), "no change");
    }

    @Test
    void anUnknownCapabilityStatusCountsAsInactive() {
        assertEquals("inactive", state("unrequested").transfersCapability());
        assertEquals("inactive", state(null).transfersCapability());
    }

    @Test
    void onlyAStrictlyOlderStateIsStale() {
        Instant kept = Instant.parse("2026-11-26T10:00:00Z");
        PayoutAccount account = new PayoutAccount(1, state("active"), kept, kept);
        assertTrue(account.isStale(kept.minusSeconds(1)));
        assertFalse(account.isStale(kept), "same second: applied (Stripe's created has one-second resolution)");
        assertFalse(account.isStale(kept.plusSeconds(1)));
        assertFalse(new PayoutAccount(1, state("inactive"), null, kept).isStale(kept.minusSeconds(3600)));
    }
}
