package dev.marketplace.simulation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.marketplace.billing.checkout.ConfirmCheckout;
import dev.marketplace.billing.checkout.PurchaseFee;
import dev.marketplace.billing.checkout.StartCheckout;
import dev.marketplace.billing.infrastructure.stripe.StandaloneStripe;
import dev.marketplace.billing.infrastructure.stripe.StripeWebhookVerifier;
import dev.marketplace.billing.payouts.PayoutFaults;
import dev.marketplace.billing.payouts.Payouts;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.metering.application.StandaloneMetering;
import dev.marketplace.metering.infrastructure.JdbcMeteredUsage;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.stripestub.StubServer;
import dev.marketplace.stripestub.StubSettings;
import dev.marketplace.testdb.FreshDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Everything one simulated month runs on, in this process: a fresh database (every module's migrations), a pool
 * over it, the Stripe stub with its webhooks delivered to an in-process receiver, and the application services wired
 * by hand: checkout, the success redirect, webhook handling, the metering settle path, payouts and reconciliation.
 */
final class World implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_simulate_month";
    static final String[] MIGRATIONS = {"classpath:db/migration/billing", "classpath:db/migration/marketplace",
            "classpath:db/migration/onboarding"};

    final FreshDatabase database;
    final HikariDataSource pool;
    final WebhookReceiver webhooks;
    final StubServer stub;
    final StubControl stubControl;
    final StandaloneMetering metering;
    final StartCheckout startCheckout;
    final ConfirmCheckout confirmCheckout;
    final Reconciliation reconciliation;
    final Payouts payouts;
    private final boolean keepDatabase;

    World(int threads, boolean keepDatabase) throws SQLException, IOException {
        this.keepDatabase = keepDatabase;
        System.setProperty("market.leases", "false"); // before metering loads: see StandaloneMetering
        database = FreshDatabase.create("simulate_month", MIGRATIONS);
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(Math.min(threads + 8, 48));
        config.setPoolName("simulate-month");
        pool = new HikariDataSource(config);
        DataSource data = pool;
        webhooks = new WebhookReceiver(new ReceivePaymentEvent(data,
                new StripeWebhookVerifier(WEBHOOK_SECRET, Clock.systemUTC())) { });
        StubSettings defaults = StubSettings.defaults();
        stub = StubServer.start(new StubSettings(0, null, webhooks.url(), WEBHOOK_SECRET, 1, 0, false, 8,
                defaults.idSeed()));
        stubControl = new StubControl(stub.baseUrl());
        StandaloneStripe stripe = new StandaloneStripe("http://127.0.0.1:" + stub.port());
        startCheckout = new StartCheckout(data, stripe.checkoutSessions(), stripe.customers(), PurchaseFee.NONE) { };
        confirmCheckout = new ConfirmCheckout(data, stripe.checkoutSessions()) { };
        metering = new StandaloneMetering(data);
        payouts = new Payouts(data, stripe.transfers(), PayoutFaults.NONE) { };
        reconciliation = new Reconciliation(data, stripe.balanceTransactions(), new JdbcMeteredUsage(data),
                AuditLog::append);
    }

    DataSource data() {
        return pool;
    }

    @Override
    public void close() throws SQLException {
        metering.close();
        stub.close();
        webhooks.close();
        pool.close();
        if (!keepDatabase) {
            database.close();
        }
    }
}
