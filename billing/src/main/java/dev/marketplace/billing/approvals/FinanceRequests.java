package dev.marketplace.billing.approvals;

import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.credits.CreditGrants;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerQueries;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Four-eyes requests on developers' credit. A request is written with its reason by one finance user; another approves
 * (the effect is applied in the approval) or rejects it; both steps are audited in their transaction. Grants and
 * write-offs post a journal keyed by the request; a refund of unused credit asks Stripe to refund the developer's
 * latest payment that covers it (idempotency key per request), and the {@code charge.refunded} webhook takes the credit
 * back, as for every refund.
 */
@ApplicationScoped
public class FinanceRequests {

    static final int MAX_LISTED = 200;
    private static final String COLUMNS = "id, kind, developer_id, amount_micros, reason, requested_by, requested_at,"
            + " status, decided_by, decided_at, outcome";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private CreditRefunds refunds;

    private final LedgerWriter ledger = new LedgerWriter();
    private final LedgerQueries balances = new LedgerQueries();

    public FinanceRequests() {
        // for CDI
    }

    protected FinanceRequests(DataSource dataSource, CreditRefunds refunds) {
        this.dataSource = dataSource;
        this.refunds = refunds;
    }

    public static String journalKey(long requestId) {
        return "finance-request:" + requestId;
    }

    public FinanceRequest request(RequestKind kind, long developerId, long amountMicros, String reason, String actor,
                                  FinanceAudit audit) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500) {
            throw new FinanceRequestException("Give a reason of 3 to 500 characters");
        }
        if (amountMicros <= 0) {
            throw new FinanceRequestException("The amount must be positive");
        }
        if (kind == RequestKind.CREDIT_REFUND && amountMicros % 10_000 != 0) {
            throw new FinanceRequestException("A refund is paid in whole cents");
        }
        return Transactions.inTransaction(dataSource, "requesting " + kind.columnValue(), c -> {
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO finance_request (kind, developer_id,"
                    + " amount_micros, reason, requested_by) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                p.setString(1, kind.columnValue());
                p.setLong(2, developerId);
                p.setLong(3, amountMicros);
                p.setString(4, why);
                p.setString(5, actor);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            audit.record(c, actor, "finance_request.requested", "finance_request:" + id, kind.columnValue() + " of "
                    + amountMicros + " micros for developer " + developerId + ": " + why);
            return find(c, id, false).orElseThrow();
        });
    }

    public FinanceRequest reject(long id, String actor, FinanceAudit audit) {
        return Transactions.inTransaction(dataSource, "rejecting finance request " + id, c -> {
            openForDecision(c, id, actor);
            decide(c, id, "rejected", actor, null);
            audit.record(c, actor, "finance_request.rejected", "finance_request:" + id, null);
            return find(c, id, false).orElseThrow();
        });
    }

    /** Approves and applies the request; the requester cannot approve it. */
    public FinanceRequest approve(long id, String actor, FinanceAudit audit) {
        FinanceRequest request = Transactions.inTransaction(dataSource, "checking finance request " + id,
                c -> openForDecision(c, id, actor));
        String stripeRefund = null;
        if (request.kind() == RequestKind.CREDIT_REFUND) {
            String paymentIntent = Transactions.withConnection(dataSource, "finding a payment to refund",
                    c -> refundablePayment(c, request));
            stripeRefund = refunds.refund(paymentIntent, request.amountMicros() / 10_000, "finance-request-" + id,
                    request.reason());
        }
        String refundId = stripeRefund;
        return Transactions.inTransaction(dataSource, "approving finance request " + id, c -> {
            FinanceRequest locked = openForDecision(c, id, actor);
            String outcome = switch (locked.kind()) {
                case CREDIT_GRANT -> post(c, CreditGrants.journal(locked.developerId(), locked.amountMicros(),
                        journalKey(id), "finance grant: " + locked.reason()));
                case BAD_DEBT -> writeOff(c, locked);
                case CREDIT_REFUND -> "stripe refund " + refundId;
            };
            decide(c, id, "approved", actor, outcome);
            audit.record(c, actor, "finance_request.approved", "finance_request:" + id, outcome);
            return find(c, id, false).orElseThrow();
        });
    }

    private String writeOff(Connection c, FinanceRequest r) throws SQLException {
        String account = AccountCodes.developerCredit(r.developerId());
        long balance = balances.balanceMicros(c, account);
        if (balance >= 0 || r.amountMicros() > -balance) {
            throw new FinanceRequestException("Developer " + r.developerId() + " owes " + Math.max(0, -balance)
                    + " micros; a write-off cannot exceed that");
        }
        return post(c, new JournalEntry(journalKey(r.id()), "bad_debt", "bad debt written off: " + r.reason(), null,
                List.of(new Posting(AccountCodes.BAD_DEBT, -r.amountMicros()), new Posting(account, r.amountMicros()))));
    }

    private String post(Connection c, JournalEntry journal) throws SQLException {
        ledger.post(c, journal);
        return "journal " + journal.idempotencyKey();
    }

    /** The latest payment of the developer whose credit covers the refund, if the unused credit covers it too. */
    private String refundablePayment(Connection c, FinanceRequest r) throws SQLException {
        long available = balances.availableMicros(c, AccountCodes.developerCredit(r.developerId()));
        if (available < r.amountMicros()) {
            throw new FinanceRequestException("Developer " + r.developerId() + " has " + available
                    + " micros of unused credit, less than the refund");
        }
        try (PreparedStatement p = c.prepareStatement("SELECT payment_intent_id FROM stripe_payment WHERE developer_id = ?"
                + " AND credited_micros >= ? ORDER BY created_at DESC LIMIT 1")) {
            p.setLong(1, r.developerId());
            p.setLong(2, r.amountMicros());
            try (ResultSet rows = p.executeQuery()) {
                if (!rows.next()) {
                    throw new FinanceRequestException("No single payment of developer " + r.developerId()
                            + " covers the refund; split it into smaller requests");
                }
                return rows.getString(1);
            }
        }
    }

    private FinanceRequest openForDecision(Connection c, long id, String actor) throws SQLException {
        FinanceRequest r = find(c, id, true).orElseThrow(() -> new FinanceRequestException("No request " + id));
        if (!"requested".equals(r.status())) {
            throw new FinanceRequestException("Request " + id + " is already " + r.status());
        }
        if (r.requestedBy().equals(actor)) {
            throw new FinanceRequestException("Request " + id + " was made by " + actor
                    + "; another finance user must decide it");
        }
        return r;
    }

    private static void decide(Connection c, long id, String status, String actor, String outcome) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE finance_request SET status = ?, decided_by = ?,"
                + " decided_at = now(), outcome = ? WHERE id = ? AND status = 'requested'")) {
            p.setString(1, status);
            p.setString(2, actor);
            p.setString(3, outcome);
            p.setLong(4, id);
            p.executeUpdate();
        }
    }

    public List<FinanceRequest> list() {
        return Transactions.withConnection(dataSource, "listing finance requests", c -> query(c,
                "SELECT " + COLUMNS + " FROM finance_request ORDER BY id DESC LIMIT " + MAX_LISTED));
    }

    private static Optional<FinanceRequest> find(Connection c, long id, boolean forUpdate) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM finance_request WHERE id = " + id
                + (forUpdate ? " FOR UPDATE" : "")).stream().findFirst();
    }

    private static List<FinanceRequest> query(Connection c, String sql) throws SQLException {
        List<FinanceRequest> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                Timestamp decided = r.getTimestamp(10);
                out.add(new FinanceRequest(r.getLong(1), RequestKind.fromColumn(r.getString(2)), r.getLong(3),
                        r.getLong(4), r.getString(5), r.getString(6), r.getTimestamp(7).toInstant(), r.getString(8),
                        r.getString(9), decided == null ? null : decided.toInstant(), r.getString(11)));
            }
        }
        return out;
    }
}
