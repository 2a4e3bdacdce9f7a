package dev.marketplace.billing.checkout;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.purchases.PurchaseBook;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Starts a credit purchase: checks the amount, prices the purchase fee, makes sure the developer has a customer at
 * the provider, creates the Checkout Session and records it as an open purchase. No money moves here: the credit is
 * posted when the provider reports the session paid (webhook or success redirect).
 */
@ApplicationScoped
public class StartCheckout {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private CheckoutSessions sessions;

    @Inject
    private PaymentCustomers customers;

    private PurchaseFee fee;
    private final CustomerDirectory directory = new CustomerDirectory();
    private final PurchaseBook book = new PurchaseBook();

    public StartCheckout() {
        // for CDI
    }

    protected StartCheckout(DataSource dataSource, CheckoutSessions sessions, PaymentCustomers customers,
                            PurchaseFee fee) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.customers = customers;
        this.fee = fee;
    }

    @PostConstruct
    void init() {
        fee = PurchaseFee.fromSettings(System.getProperties(), System.getenv());
    }

    public PurchaseFee fee() {
        return fee;
    }

    /** What buying {@code creditCents} of credit costs; throws {@link InvalidPurchaseException} outside the limits. */
    public PurchaseQuote quote(long creditCents) {
        return PurchaseQuote.of(creditCents, fee);
    }

    /**
     * @param successUrl where the payer returns after paying; must contain {@code {CHECKOUT_SESSION_ID}}
     * @throws InvalidPurchaseException outside the limits
     */
    public StartedCheckout start(long developerId, String email, long creditCents, String successUrl,
                                 String cancelUrl) {
        PurchaseQuote quote = quote(creditCents);
        String customer = customerOf(developerId, email);
        CheckoutSessionState session = createSession(developerId, email, customer, quote, successUrl, cancelUrl);
        Transactions.inTransaction(dataSource, "recording checkout " + session.id(), connection -> {
            book.insertOpen(connection, session.id(), developerId, quote.creditCents(), quote.feeCents());
            return null;
        });
        return new StartedCheckout(session.id(), session.url(), quote);
    }

    private CheckoutSessionState createSession(long developerId, String email, String customer, PurchaseQuote quote,
                                               String successUrl, String cancelUrl) {
        try {
            return sessions.create(new NewCheckoutSession(developerId, customer, quote, successUrl, cancelUrl));
        } catch (UnknownCustomerException e) {
            String replacement = replaceCustomer(developerId, email, customer);
            return sessions.create(new NewCheckoutSession(developerId, replacement, quote, successUrl, cancelUrl));
        }
    }

    /** The developer's customer; created at the provider on the first purchase. */
    public String customerOf(long developerId, String email) {
        Optional<String> known = Transactions.withConnection(dataSource, "finding the customer of developer "
                + developerId, connection -> directory.find(connection, developerId));
        if (known.isPresent()) {
            return known.get();
        }
        String created = customers.create(developerId, email, "marketplace-customer-" + developerId);
        return Transactions.inTransaction(dataSource, "recording the customer of developer " + developerId,
                connection -> directory.keep(connection, developerId, created));
    }

    private String replaceCustomer(long developerId, String email, String stale) {
        String created = customers.create(developerId, email, "marketplace-customer-" + developerId + "-after-"
                + stale);
        return Transactions.inTransaction(dataSource, "replacing the customer of developer " + developerId,
                connection -> directory.replace(connection, developerId, stale, created));
    }
}
