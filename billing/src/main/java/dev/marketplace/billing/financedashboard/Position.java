package dev.marketplace.billing.financedashboard;

/**
 * Balances now, in micro-USD, each with the sign finance reads: cash at Stripe and the liabilities it must cover,
 * revenue earned, fees paid.
 */
public record Position(long cashAtStripeMicros, long developerCreditMicros, long providerPayableMicros,
                       long takeRevenueMicros, long platformProviderRevenueMicros, long stripeFeesMicros,
                       long disputeFeesMicros, long suspenseMicros) {

    /** Cash minus what is owed: what the platform keeps if everyone were paid out today. */
    public long coverMicros() {
        return cashAtStripeMicros - developerCreditMicros - providerPayableMicros;
    }
}
