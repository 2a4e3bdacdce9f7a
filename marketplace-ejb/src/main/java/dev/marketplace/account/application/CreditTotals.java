package dev.marketplace.account.application;

import dev.marketplace.account.infrastructure.LedgerTotals;
import dev.marketplace.keys.application.KeyCallers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code GET /credits}: the calling key's developer's total credits and total usage, from the ledger. */
@ApplicationScoped
public class CreditTotals {
    @Inject
    KeyCallers callers;
    @Inject
    LedgerTotals ledger;

    public Credits of(String authorization) {
        return ledger.credits(callers.apiKey(authorization).developerId());
    }
}
