package dev.marketplace.billing.payouts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's transfers in memory: created under idempotency keys (forgettable, as Stripe forgets them after 24 h),
 * listed by group, reversed.
 */
final class FakeTransfers implements TransferGateway {

    /** Transfer ids are unique across fakes, as at Stripe (the tests share one database). */
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    final List<CreatedTransfer> created = new ArrayList<>();
    final List<TransferRequest> requests = new ArrayList<>();
    private final Map<String, CreatedTransfer> byKey = new HashMap<>();
    Optional<String> pendingSource = Optional.empty();

    void forgetKeys() {
        byKey.clear();
    }

    @Override
    public Optional<CreatedTransfer> findByGroup(String transferGroup) {
        return created.stream().filter(t -> t.transferGroup().equals(transferGroup)).findFirst();
    }

    @Override
    public CreatedTransfer create(TransferRequest request) {
        requests.add(request);
        return byKey.computeIfAbsent(request.idempotencyKey(), k -> {
            CreatedTransfer t = new CreatedTransfer("tr_fake" + IDS.incrementAndGet(), request.amountCents(),
                    request.destination(), request.transferGroup(), 0);
            created.add(t);
            return t;
        });
    }

    @Override
    public Optional<String> pendingFundsSource(long amountCents, List<String> candidatePaymentIntents) {
        return pendingSource;
    }
}
