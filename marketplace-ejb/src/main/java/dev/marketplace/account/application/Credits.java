package dev.marketplace.account.application;

/**
 * A developer's credit account in OpenRouter's terms, in micro-USD: everything credited (grants, purchases and any
 * other non-usage journal, net) and everything spent on usage. Their difference is the ledger balance.
 */
public record Credits(long totalCreditsMicros, long totalUsageMicros) {
    public long balanceMicros() {
        return totalCreditsMicros - totalUsageMicros;
    }
}
