package dev.marketplace.billing.infrastructure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import dev.marketplace.billing.payouts.ConnectPayout;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Connect bank-payout events as billing keeps them; other types are not payouts; transfer.reversed is translated. */
class ConnectPayoutEventsTest {

    private static Event connectEvent(String id, String type, String payoutJson) {
        String json = SignedEvents.event(id, type, SignedEvents.API_VERSION, payoutJson)
                .replaceFirst("\"object\":\"event\",", "\"object\":\"event\",\"account\":\"acct_1Bank\",");
        return ApiResource.GSON.fromJson(json, Event.class);
    }

    @Test
    void aFailedPayoutKeepsItsAccountAmountAndReason() {
        Optional<ConnectPayout> payout = ConnectPayoutEvents.translate(connectEvent("evt_p1", "payout.failed", """
                {"id":"po_1X","object":"payout","amount":41800,"currency":"usd","arrival_date":1764100000,\
                "status":"failed","failure_message":"The bank account has been closed."}"""));

        ConnectPayout p = payout.orElseThrow();
        assertEquals(java.util.List.of("po_1X", "acct_1Bank", 41800L, "usd", "failed", "The bank account has been closed.",
                Instant.ofEpochSecond(1764100000), "evt_p1"), java.util.List.of(p.payoutId(), p.accountId(),
                p.amountCents(), p.currency(), p.status(), p.failureMessage(), p.arrivalDate(), p.eventId()));
    }

    @Test
    void otherConnectEventsAreNoPayouts() {
        assertTrue(ConnectPayoutEvents.translate(connectEvent("evt_a", "account.updated",
                "{\"id\":\"acct_1Bank\",\"object\":\"account\"}")).isEmpty());
    }
}
