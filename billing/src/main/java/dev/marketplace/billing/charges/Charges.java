package dev.marketplace.billing.charges;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.money.FeeSplit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** Usage charges as a CDI bean: each settle is one short local transaction on the non-JTA DataSource. */
@ApplicationScoped
public class Charges {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private final ChargeWriter writer = new ChargeWriter();

    public Charges() {
        // for CDI
    }

    protected Charges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Posts the charge and settles its hold, once per idempotency key; see {@link ChargeWriter#settle}. */
    public FeeSplit settle(UsageCharge charge) {
        return Transactions.inTransaction(dataSource, "settling usage " + charge.idempotencyKey(),
                connection -> writer.settle(connection, charge));
    }
}
