package dev.marketplace.billing.settlements;

import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Settlement as a CDI bean: runs the closed periods of providers into statements (each in its own short local
 * transaction), and takes statements through four-eyes approval. The ports it needs from outside billing (which
 * provider, which model a usage was for, the audit log) are passed in by the caller, since billing depends on nothing
 * of ours.
 */
@ApplicationScoped
public class Settlements {

    /** At most this many periods per provider in one run, so a long-forgotten daily provider cannot stall it. */
    public static final int MAX_PERIODS_PER_RUN = 400;
    /** Test stacks only: moves settlement's clock forward so today's period counts as closed. */
    static final String CLOCK_OFFSET_PROPERTY = "market.settlement.clock-offset-seconds";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    private SettlementPolicy policy;
    private Clock clock;
    private final StatementMaker maker = new StatementMaker();
    private final StatementStore store = new StatementStore();

    /** Told after each provider of a run. */
    @FunctionalInterface
    public interface Progress {
        void providerDone(int done, int total, SettlementPayee payee, List<Statement> made);
    }

    public Settlements() {
        // for CDI
    }

    public Settlements(DataSource dataSource, SettlementPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        policy = SettlementPolicy.resolve(System.getenv(), System.getProperties());
        long offsetSeconds = Long.parseLong(System.getProperty(CLOCK_OFFSET_PROPERTY, "0"));
        clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offsetSeconds));
    }

    public SettlementPolicy policy() {
        return policy;
    }

    /** Settles every closed period of every payee since its last statement; progress after each payee. */
    public List<Statement> runDue(List<SettlementPayee> payees, UsageAttribution attribution, String actor,
                                  Progress progress) {
        List<Statement> all = new ArrayList<>();
        int done = 0;
        for (SettlementPayee payee : payees) {
            List<Statement> made = settleDue(payee, attribution, actor);
            all.addAll(made);
            progress.providerDone(++done, payees.size(), payee, made);
        }
        return all;
    }

    /** The payee's closed periods since its last statement (or its first posting), oldest first. */
    public List<Statement> settleDue(SettlementPayee payee, UsageAttribution attribution, String actor) {
        ProviderSetting setting = setting(payee.providerId());
        Instant closedBefore = clock.instant().minus(policy.grace());
        Optional<Instant> start = Transactions.withConnection(dataSource, "finding the next period", c -> {
            Optional<Statement> latest = store.latest(c, payee.providerId());
            if (latest.isPresent()) {
                return Optional.of(latest.get().period().end());
            }
            return store.firstPosting(c, StatementCalculator.payeeAccount(payee))
                    .map(first -> setting.frequency().periodContaining(first).start());
        });
        List<Statement> made = new ArrayList<>();
        Instant next = start.orElse(null);
        while (next != null && made.size() < MAX_PERIODS_PER_RUN) {
            Period period = setting.frequency().periodFrom(next);
            if (period.end().isAfter(closedBefore)) {
                break;
            }
            made.add(settle(payee, setting, period, attribution, actor));
            next = period.end();
        }
        return made;
    }

    /** The statement of one closed period: made now, or the one made before (never a second one). */
    public Statement settlePeriod(SettlementPayee payee, Period period, UsageAttribution attribution, String actor) {
        if (period.end().isAfter(clock.instant().minus(policy.grace()))) {
            throw new IllegalArgumentException("period " + period + " is not closed yet (grace " + policy.grace() + ")");
        }
        return settle(payee, setting(payee.providerId()), period, attribution, actor);
    }

    private Statement settle(SettlementPayee payee, ProviderSetting setting, Period period,
                             UsageAttribution attribution, String actor) {
        return Transactions.inTransaction(dataSource, "settling provider " + payee.providerId() + " " + period,
                c -> maker.make(c, payee, setting.frequency(), setting.minimumPayoutMicros(), period, attribution,
                        actor));
    }

    /** Draft → prepared by {@code actor}, audited in the same transaction. */
    public Statement prepare(long statementId, String actor, FinanceAudit audit) {
        return transition(statementId, StatementStatus.DRAFT, StatementStatus.PREPARED, actor, audit,
                "settlement.prepared");
    }

    /**
     * Prepared → approved by {@code actor}, who must not be the one who prepared it (four-eyes; the database checks
     * it too), audited in the same transaction.
     */
    public Statement approve(long statementId, String actor, FinanceAudit audit) {
        return transition(statementId, StatementStatus.PREPARED, StatementStatus.APPROVED, actor, audit,
                "settlement.approved");
    }

    private Statement transition(long id, StatementStatus from, StatementStatus to, String actor, FinanceAudit audit,
                                 String action) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a finance user must be named");
        }
        return Transactions.inTransaction(dataSource, action + " " + id, c -> {
            Statement statement = store.find(c, id, true).orElseThrow(() -> new UnknownStatementException(id));
            if (statement.status() != from) {
                throw new StatementStateException("statement " + id + " is " + statement.status().columnValue()
                        + ", not " + from.columnValue());
            }
            if (to == StatementStatus.APPROVED && actor.equals(statement.preparedBy())) {
                throw new FourEyesException("statement " + id + " was prepared by " + actor
                        + "; another finance user must approve it");
            }
            if (!store.mark(c, id, from, to, actor)) {
                throw new StatementStateException("statement " + id + " changed meanwhile");
            }
            audit.record(c, actor, action, "statement:" + id, "provider " + statement.providerId() + ", "
                    + statement.period().start() + " .. " + statement.period().end() + ", payout "
                    + statement.payoutMicros() + " micros");
            return store.find(c, id, false).orElseThrow();
        });
    }

    public Optional<Statement> find(long statementId) {
        return Transactions.withConnection(dataSource, "reading statement " + statementId,
                c -> store.find(c, statementId, false));
    }

    public List<StatementLine> lines(long statementId) {
        return Transactions.withConnection(dataSource, "reading lines of statement " + statementId,
                c -> store.lines(c, statementId));
    }

    /** Newest first; {@code providerId} null for all providers. */
    public List<Statement> list(Long providerId, int limit) {
        return Transactions.withConnection(dataSource, "listing statements", c -> store.list(c, providerId, limit));
    }

    /** The provider's own setting, or the defaults. */
    public ProviderSetting setting(long providerId) {
        return Transactions.withConnection(dataSource, "reading settlement setting of " + providerId,
                c -> store.setting(c, providerId)).orElseGet(() -> new ProviderSetting(providerId,
                policy.defaultFrequency(), policy.defaultMinimumPayoutMicros()));
    }

    public void saveSetting(ProviderSetting setting, String actor, FinanceAudit audit) {
        Transactions.inTransaction(dataSource, "saving settlement setting of " + setting.providerId(), c -> {
            store.saveSetting(c, setting, actor);
            audit.record(c, actor, "settlement.setting_changed", "provider:" + setting.providerId(),
                    setting.frequency().columnValue() + ", minimum payout " + setting.minimumPayoutMicros() + " micros");
            return null;
        });
    }
}
