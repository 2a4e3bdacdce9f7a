package dev.marketplace.onboarding.finance;

import dev.marketplace.billing.approvals.FinanceRequest;
import dev.marketplace.billing.approvals.FinanceRequests;
import dev.marketplace.billing.approvals.RequestKind;
import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.payouts.ConnectPayout;
import dev.marketplace.billing.payouts.ConnectPayouts;
import dev.marketplace.billing.payouts.Payout;
import dev.marketplace.billing.payouts.Payouts;
import dev.marketplace.billing.settlements.ProviderSetting;
import dev.marketplace.billing.settlements.SettlementPayee;
import dev.marketplace.billing.settlements.Settlements;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.billing.settlements.StatementStateException;
import dev.marketplace.finance.infrastructure.ProviderPayees;
import dev.marketplace.finance.infrastructure.UsageRecordAttribution;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.onboarding.listings.application.ListingImports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What the portal's finance and provider pages call. Roles are checked by the pages (Keycloak's realm roles); this
 * class adds what the roles cannot say: four-eyes (billing refuses an approval by the preparer), and that a provider
 * member sees only its own provider's statements, derived from the signed-in user, never from a request parameter.
 */
@ApplicationScoped
public class FinanceDesk {

    private static final FinanceAudit AUDIT = AuditLog::append;

    @Inject
    Settlements settlements;
    @Inject
    Payouts payouts;
    @Inject
    ConnectPayouts connectPayouts;
    @Inject
    ProviderPayees payees;
    @Inject
    UsageRecordAttribution attribution;
    @Inject
    ListingImports members;
    @Inject
    FinanceRequests requests;

    public FinanceRequest request(RequestKind kind, long developerId, long amountMicros, String reason, String actor) {
        return requests.request(kind, developerId, amountMicros, reason, actor, AUDIT);
    }

    public FinanceRequest approveRequest(long id, String actor) {
        return requests.approve(id, actor, AUDIT);
    }

    public FinanceRequest rejectRequest(long id, String actor) {
        return requests.reject(id, actor, AUDIT);
    }

    public List<FinanceRequest> requests() {
        return requests.list();
    }

    /** Settles every provider's (or one provider's) closed periods; progress after each provider. */
    public List<Statement> run(Long providerId, String actor, Settlements.Progress progress) {
        List<SettlementPayee> which = providerId == null ? payees.all()
                : payees.find(providerId).map(List::of).orElseThrow(() -> new IllegalArgumentException(
                        "no provider " + providerId));
        return settlements.runDue(which, attribution, actor, progress);
    }

    public List<SettlementPayee> providers() {
        return payees.all();
    }

    public Statement prepare(long statementId, String actor) {
        return settlements.prepare(statementId, actor, AUDIT);
    }

    public Statement approve(long statementId, String actor) {
        return settlements.approve(statementId, actor, AUDIT);
    }

    /** Pays an approved statement to the provider's connected account (transfers capability active). */
    public Payout pay(long statementId, String actor) {
        Statement statement = settlements.find(statementId).orElseThrow(() -> new StatementStateException(
                "no statement " + statementId));
        String destination = payees.payoutAccount(statement.providerId()).orElseThrow(() ->
                new StatementStateException("provider " + statement.providerId() + " has no connected account with"
                        + " active transfers yet; it cannot be paid"));
        return payouts.pay(statementId, destination, actor, AUDIT);
    }

    public List<Statement> statements(Long providerId, int limit) {
        return settlements.list(providerId, limit);
    }

    public Optional<Statement> statement(long statementId) {
        return settlements.find(statementId);
    }

    public List<StatementLine> lines(long statementId) {
        return settlements.lines(statementId);
    }

    public Optional<Payout> payout(long statementId) {
        return payouts.find(statementId);
    }

    public ProviderSetting setting(long providerId) {
        return settlements.setting(providerId);
    }

    public void saveSetting(ProviderSetting setting, String actor) {
        settlements.saveSetting(setting, actor, AUDIT);
    }

    /** The provider the user acts for, if any. */
    public Optional<Long> providerOf(String username) {
        return members.providerOf(username);
    }

    /** A statement the provider member may see: its own provider's only (BOLA). */
    public Optional<Statement> ownStatement(String username, long statementId) {
        Optional<Long> provider = providerOf(username);
        return provider.flatMap(p -> settlements.find(statementId).filter(s -> s.providerId() == p));
    }

    /** The bank payouts of the provider's connected account (information only); all of them for finance (null). */
    public List<ConnectPayout> bankPayouts(Long providerId) {
        if (providerId == null) {
            return connectPayouts.list(null);
        }
        return payees.connectedAccount(providerId).map(connectPayouts::list).orElse(List.of());
    }
}
