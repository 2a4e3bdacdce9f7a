package dev.marketplace.billing.topup;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.payments.UsdCents;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Auto top-up as a CDI bean: the developer's settings and status for the portal, and {@link #runOnce()}, which a
 * scheduler calls every few seconds (never the hot path). A crossing is claimed in one short transaction, the
 * charge is made outside any transaction, and its answer is applied in another; a crash in between leaves the
 * claim {@code charging}, retried later with the same idempotency key.
 */
@ApplicationScoped
public class AutoTopUps {

    private static final Logger LOG = Logger.getLogger(AutoTopUps.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private OffSessionCharges charges;

    private final AutoTopUpStore store = new AutoTopUpStore();
    private final TopUpEvents events = new TopUpEvents();
    private final SavedPaymentMethods cards = new SavedPaymentMethods();

    public AutoTopUps() {
        // for CDI
    }

    protected AutoTopUps(DataSource dataSource, OffSessionCharges charges) {
        this.dataSource = dataSource;
        this.charges = charges;
    }

    /** Re-arms developers back above their threshold, then charges every crossing due. @return charges attempted */
    public int runOnce() {
        List<AutoTopUpStore.Claim> claims = Transactions.inTransaction(dataSource, "claiming auto top-ups",
                connection -> {
                    store.rearm(connection);
                    return store.claimDue(connection);
                });
        for (AutoTopUpStore.Claim claim : claims) {
            charge(claim);
        }
        return claims.size();
    }

    public void save(long developerId, AutoTopUpSettings settings) {
        Transactions.inTransaction(dataSource, "saving auto top-up of developer " + developerId, connection -> {
            store.save(connection, developerId, settings);
            return null;
        });
    }

    public AutoTopUpStatus status(long developerId) {
        return Transactions.inSnapshot(dataSource, "reading auto top-up of developer " + developerId, connection -> {
            Optional<AutoTopUpStore.Row> row = store.find(connection, developerId);
            Optional<String> card = cards.find(connection, developerId)
                    .map(SavedPaymentMethods.SavedCard::paymentMethodId);
            return new AutoTopUpStatus(row.map(AutoTopUpStore.Row::settings),
                    row.map(AutoTopUpStore.Row::state).orElse("armed"), card,
                    row.map(AutoTopUpStore.Row::lastPaymentIntentId), row.map(AutoTopUpStore.Row::lastFailure),
                    row.map(AutoTopUpStore.Row::lastFailureAt));
        });
    }

    /** Saves the card the developer chose for off-session charges (e.g. from a Checkout in setup mode). */
    public void saveCard(long developerId, SavedPaymentMethods.SavedCard card) {
        Transactions.inTransaction(dataSource, "saving the card of developer " + developerId, connection -> {
            events.cardSaved(connection, developerId, card);
            return null;
        });
    }

    private void charge(AutoTopUpStore.Claim claim) {
        OffSessionCharge request = new OffSessionCharge(claim.developerId(), claim.crossing(),
                UsdCents.fromMicros(claim.amountMicros()),
                claim.customerId(), claim.paymentMethodId());
        ChargeResult result;
        try {
            result = charges.charge(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Auto top-up " + request.idempotencyKey() + " could not be charged now; retried"
                    + " with the same key in " + AutoTopUpStore.RETRY_AFTER_SECONDS + " s", e);
            return;
        }
        apply(claim, result);
    }

    private void apply(AutoTopUpStore.Claim claim, ChargeResult result) {
        String what = "applying auto top-up " + claim.developerId() + "/" + claim.crossing();
        Transactions.inTransaction(dataSource, what, connection -> {
            switch (result.status()) {
                case SUCCEEDED -> events.succeeded(connection, result.paymentIntentId(), claim.developerId(),
                        claim.crossing(), result.amountReceivedCents(), "charged off-session");
                case PROCESSING -> store.markCharged(connection, claim.developerId(), claim.crossing(),
                        result.paymentIntentId());
                case REQUIRES_ACTION, DECLINED -> events.failed(connection, result.paymentIntentId(),
                        claim.developerId(), claim.crossing(), result.failure());
            }
            return null;
        });
        LOG.info(() -> "Auto top-up of developer " + claim.developerId() + " (crossing " + claim.crossing() + "): "
                + result.status() + (result.paymentIntentId() == null ? "" : " " + result.paymentIntentId())
                + (result.failure() == null ? "" : " - " + result.failure()));
    }
}
