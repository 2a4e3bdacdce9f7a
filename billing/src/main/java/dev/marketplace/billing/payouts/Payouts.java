package dev.marketplace.billing.payouts;

import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementStateException;
import dev.marketplace.billing.settlements.StatementStatus;
import dev.marketplace.billing.settlements.StatementStore;
import dev.marketplace.billing.settlements.UnknownStatementException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Pays approved statements by Stripe Transfer, never twice: (1) claim the payout row in a short transaction, (2)
 * outside any transaction look the transfer up by {@code transfer_group} (= the statement) and create it only if
 * Stripe has none, under an idempotency key derived from the statement, (3) post payable → stripe:clearing, mark the
 * payout and the statement paid and audit it in one transaction. A run that dies between (2) and (3) is retried with
 * the same statement: (2) then finds the transfer, so there is one transfer and one journal, also after Stripe forgot
 * the idempotency key (24 h).
 */
@ApplicationScoped
public class Payouts {

    static final int SOURCE_CANDIDATES = 5;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private TransferGateway gateway;

    private PayoutFaults faults = PayoutFaults.NONE;
    private final StatementStore statements = new StatementStore();
    private final PayoutStore payouts = new PayoutStore();
    private final LedgerWriter ledger = new LedgerWriter();

    public Payouts() {
        // for CDI
    }

    protected Payouts(DataSource dataSource, TransferGateway gateway, PayoutFaults faults) {
        this.dataSource = dataSource;
        this.gateway = gateway;
        this.faults = faults;
    }

    public static String idempotencyKey(long statementId) {
        return "payout-" + Statement.transferGroup(statementId);
    }

    /**
     * Pays the approved statement to {@code destination} (the provider's connected account).
     *
     * @return the payout as stored after this call (also when it had been paid before)
     * @throws StatementStateException if the statement is not approved (or paid), or has nothing to pay
     */
    public Payout pay(long statementId, String destination, String actor, FinanceAudit audit) {
        Statement statement = claim(statementId, destination, actor);
        Payout claimed = find(statementId).orElseThrow();
        if (claimed.status() != PayoutStatus.CLAIMED) {
            return claimed;
        }
        String group = statement.transferGroup();
        Optional<CreatedTransfer> existing = gateway.findByGroup(group);
        String source = null;
        CreatedTransfer transfer;
        if (existing.isPresent()) {
            transfer = existing.get();
        } else {
            source = sourceFor(claimed.amountCents()).orElse(null);
            transfer = gateway.create(new TransferRequest(claimed.amountCents(), claimed.destination(), group, source,
                    claimed.idempotencyKey(), statementId));
        }
        if (transfer.amountCents() != claimed.amountCents()) {
            throw new IllegalStateException("transfer " + transfer.id() + " of group " + group + " is "
                    + transfer.amountCents() + " cents, the statement pays " + claimed.amountCents());
        }
        faults.afterTransfer(statementId, transfer.id());
        String sourceTransaction = source;
        return Transactions.inTransaction(dataSource, "booking payout of statement " + statementId, c -> {
            Payout payout = payouts.find(c, statementId, true).orElseThrow();
            if (payout.status() != PayoutStatus.CLAIMED) {
                return payout; // a concurrent retry booked it first
            }
            ledger.post(c, PayoutJournals.payout(statementId, statement.providerId(), payout.amountCents(),
                    transfer.id()));
            payouts.created(c, statementId, transfer.id(), sourceTransaction);
            if (!statements.mark(c, statementId, StatementStatus.APPROVED, StatementStatus.PAID, actor)) {
                throw new StatementStateException("statement " + statementId + " is no longer approved");
            }
            audit.record(c, actor, "settlement.paid", "statement:" + statementId, "transfer " + transfer.id() + " of "
                    + payout.amountCents() + " cents to " + payout.destination());
            return payouts.find(c, statementId, false).orElseThrow();
        });
    }

    private Statement claim(long statementId, String destination, String actor) {
        return Transactions.inTransaction(dataSource, "claiming payout of statement " + statementId, c -> {
            Statement statement = statements.find(c, statementId, true)
                    .orElseThrow(() -> new UnknownStatementException(statementId));
            if (statement.status() != StatementStatus.APPROVED && statement.status() != StatementStatus.PAID) {
                throw new StatementStateException("statement " + statementId + " is "
                        + statement.status().columnValue() + "; only approved statements are paid");
            }
            if (statement.payoutMicros() <= 0) {
                throw new StatementStateException("statement " + statementId + " pays nothing (carried over "
                        + statement.carriedOutMicros() + " micros)");
            }
            payouts.claim(c, statementId, statement.providerId(), destination,
                    statement.payoutMicros() / PayoutJournals.MICROS_PER_CENT, idempotencyKey(statementId), actor);
            return statement;
        });
    }

    private Optional<String> sourceFor(long amountCents) {
        List<String> candidates = Transactions.withConnection(dataSource, "finding payments for source_transaction",
                c -> payouts.paymentsCovering(c, Math.multiplyExact(amountCents, PayoutJournals.MICROS_PER_CENT),
                        SOURCE_CANDIDATES));
        return gateway.pendingFundsSource(amountCents, candidates);
    }

    public Optional<Payout> find(long statementId) {
        return Transactions.withConnection(dataSource, "reading payout of statement " + statementId,
                c -> payouts.find(c, statementId, false));
    }

    /** Newest first; {@code providerId} null for all. */
    public List<Payout> list(Long providerId, int limit) {
        return Transactions.withConnection(dataSource, "listing payouts",
                c -> payouts.list(c, providerId, Math.max(1, Math.min(limit, 500))));
    }
}
