package dev.marketplace.billing.checkout;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.purchases.PurchaseBook;
import dev.marketplace.billing.purchases.PurchaseRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A developer's credit purchases, paged, and one purchase's receipt; never another developer's. */
@ApplicationScoped
public class PurchaseHistory {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private final PurchaseBook book = new PurchaseBook();

    public PurchaseHistory() {
        // for CDI
    }

    protected PurchaseHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<PurchaseRecord> page(long developerId, int offset, int limit) {
        return Transactions.withConnection(dataSource, "listing purchases of developer " + developerId,
                connection -> book.page(connection, developerId, offset, limit));
    }

    public int count(long developerId) {
        return Transactions.withConnection(dataSource, "counting purchases of developer " + developerId,
                connection -> book.count(connection, developerId));
    }

    public Optional<PurchaseRecord> receipt(long developerId, String sessionId) {
        return Transactions.withConnection(dataSource, "reading purchase " + sessionId,
                connection -> book.find(connection, developerId, sessionId));
    }
}
