package dev.marketplace.billing.holds;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** Holds as a CDI bean: each call is one short local transaction on the non-JTA billing DataSource. */
@ApplicationScoped
public class Holds {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private final HoldStore store = new HoldStore();

    public Holds() {
        // for CDI
    }

    protected Holds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reserves the amount; {@code false} if the available balance is insufficient or the account unknown. */
    public boolean place(String holdId, String accountCode, long amountMicros) {
        return Transactions.inTransaction(dataSource, "placing hold " + holdId,
                connection -> store.place(connection, holdId, accountCode, amountMicros));
    }

    /** Releases an open hold; {@code false} if it is unknown or already closed. */
    public boolean release(String holdId) {
        return Transactions.inTransaction(dataSource, "releasing hold " + holdId,
                connection -> store.release(connection, holdId));
    }
}
