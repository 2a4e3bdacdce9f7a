package dev.marketplace.billing.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payment provider's ports in memory, as a test controls them: sessions are created open and unpaid,
 * {@link #pay} marks one paid; customers can be "forgotten" as a restarted stub would.
 */
final class FakeProvider implements CheckoutSessions, PaymentCustomers {

    final Map<String, CheckoutSessionState> sessions = new ConcurrentHashMap<>();
    final List<String> customerKeys = new ArrayList<>();
    final List<String> forgottenCustomers = new ArrayList<>();
    private int next;

    @Override
    public synchronized CheckoutSessionState create(NewCheckoutSession request) {
        if (forgottenCustomers.contains(request.customerId())) {
            throw new UnknownCustomerException(request.customerId(), null);
        }
        String id = "cs_fake_" + (++next);
        PurchaseQuote q = request.quote();
        CheckoutSessionState state = new CheckoutSessionState(id, "https://pay.test/" + id, "open", "unpaid",
                Long.toString(request.developerId()), q.totalCents(), "usd", null, Long.toString(q.creditCents()),
                Long.toString(q.feeCents()), "{\"id\":\"" + id + "\"}");
        sessions.put(id, state);
        return state;
    }

    @Override
    public CheckoutSessionState retrieve(String sessionId) {
        CheckoutSessionState state = sessions.get(sessionId);
        if (state == null) {
            throw new UnknownCheckoutException(sessionId);
        }
        return state;
    }

    @Override
    public synchronized String create(long developerId, String email, String idempotencyKey) {
        customerKeys.add(idempotencyKey);
        return "cus_fake_" + developerId + "_" + customerKeys.size();
    }

    CheckoutSessionState pay(String sessionId) {
        CheckoutSessionState s = sessions.get(sessionId);
        CheckoutSessionState paid = new CheckoutSessionState(s.id(), s.url(), "complete", "paid",
                s.clientReferenceId(), s.amountTotalMinor(), s.currency(), "pi_for_" + s.id(),
                s.metadataCreditCents(), s.metadataFeeCents(), s.json());
        sessions.put(sessionId, paid);
        return paid;
    }
}
