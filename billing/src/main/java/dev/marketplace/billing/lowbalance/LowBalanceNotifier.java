package dev.marketplace.billing.lowbalance;

/**
 * Tells a developer that their credit is low, once per crossing of their threshold. The hook for e-mail (or any
 * other channel); {@link LoggingLowBalanceNotifier} is the default. Called after the crossing was recorded,
 * outside any transaction: a failure here is logged and not retried.
 */
public interface LowBalanceNotifier {

    void notifyLowBalance(LowBalance lowBalance);
}
