package dev.marketplace.billing.payouts;

import java.util.List;
import java.util.Optional;

/** Stripe Transfers as payouts need them; implemented in billing.infrastructure.stripe. */
public interface TransferGateway {

    /** The transfer already made for this group, if any (looked up before creating one, so a retry never pays twice). */
    Optional<CreatedTransfer> findByGroup(String transferGroup);

    /** Creates the transfer under the request's idempotency key. */
    CreatedTransfer create(TransferRequest request);

    /**
     * The charge to name as {@code source_transaction} when the platform's available balance cannot cover
     * {@code amountCents} yet (funds still pending): the latest charge of these payment intents that covers it;
     * empty when the available balance covers it (or no candidate does).
     */
    Optional<String> pendingFundsSource(long amountCents, List<String> candidatePaymentIntents);
}
