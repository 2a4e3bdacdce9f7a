package dev.marketplace.billing.credits;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** Grants promotional credit to developers, each grant in its own short local transaction. */
@ApplicationScoped
public class CreditGrants {

    public static final String KIND = "grant";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private final LedgerWriter writer = new LedgerWriter();

    public CreditGrants() {
        // for CDI
    }

    protected CreditGrants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Posts promotions −amount, developer credit +amount.
     *
     * @return {@code true} if granted now, {@code false} if this key was already granted
     */
    public boolean grant(long developerId, long amountMicros, String idempotencyKey, String memo) {
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("grant must be positive: " + amountMicros);
        }
        JournalEntry entry = journal(developerId, amountMicros, idempotencyKey, memo);
        return Transactions.inTransaction(dataSource, "granting credit " + idempotencyKey,
                connection -> writer.post(connection, entry));
    }

    /** The grant's journal, for callers that post it inside their own transaction. */
    public static JournalEntry journal(long developerId, long amountMicros, String idempotencyKey, String memo) {
        return new JournalEntry(idempotencyKey, KIND, memo, null, List.of(
                new Posting(AccountCodes.PROMOTIONS, -amountMicros),
                new Posting(AccountCodes.developerCredit(developerId), amountMicros)));
    }
}
