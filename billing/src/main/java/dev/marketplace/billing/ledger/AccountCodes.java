package dev.marketplace.billing.ledger;

/** Names of ledger accounts. An account exists from its first posting. */
public final class AccountCodes {

    /** Revenue from the take rate on third-party providers' usage. */
    public static final String REVENUE_TAKE = "platform:revenue:take";
    /** The share of providers the platform operates itself (e.g. the simulator): never paid out. */
    public static final String REVENUE_PLATFORM_PROVIDER = "platform:revenue:platform-provider";
    /** Cash held at Stripe. */
    public static final String STRIPE_CLEARING = "platform:stripe:clearing";
    /** Stripe's processing fees absorbed by the platform. */
    public static final String STRIPE_FEES = "platform:stripe:fees";
    /** The purchase fee developers pay on top of the credit they buy, when one is configured. */
    public static final String REVENUE_PURCHASE_FEE = "platform:revenue:purchase-fee";
    public static final String REFUNDS = "platform:refunds";
    public static final String DISPUTES = "platform:disputes";
    /** Negative developer balances written off (four-eyes): an expense, negative as it grows. */
    public static final String BAD_DEBT = "platform:bad-debt";
    /** Source of granted (promotional) credit. */
    public static final String PROMOTIONS = "platform:promotions";

    private AccountCodes() {
    }

    /** What the platform owes a developer in usage (prepaid credit). */
    public static String developerCredit(long developerId) {
        return "developer:" + requirePositive(developerId) + ":credit";
    }

    /** What the platform owes a provider for usage served. */
    public static String providerPayable(long providerId) {
        return "provider:" + requirePositive(providerId) + ":payable";
    }

    private static long requirePositive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        return id;
    }
}
