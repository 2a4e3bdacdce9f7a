package dev.marketplace.billing.ledger;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * The ledger as a CDI bean: each call is one short local transaction on the non-JTA billing DataSource,
 * so it never joins (or waits on) a caller's JTA transaction.
 */
@ApplicationScoped
public class Ledger {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private final LedgerWriter writer = new LedgerWriter();
    private final LedgerQueries queries = new LedgerQueries();

    public Ledger() {
        // for CDI
    }

    protected Ledger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Posts the journal in its own transaction; {@code false} if its key was already posted. */
    public boolean post(JournalEntry entry) {
        return Transactions.inTransaction(dataSource, "posting journal " + entry.idempotencyKey(),
                connection -> writer.post(connection, entry));
    }

    public long availableMicros(String accountCode) {
        return Transactions.withConnection(dataSource, "reading available balance of " + accountCode,
                connection -> queries.availableMicros(connection, accountCode));
    }

    public long balanceMicros(String accountCode) {
        return Transactions.withConnection(dataSource, "reading balance of " + accountCode,
                connection -> queries.balanceMicros(connection, accountCode));
    }

    public InvariantReport checkInvariants() {
        return Transactions.inSnapshot(dataSource, "checking ledger invariants", queries::check);
    }
}
