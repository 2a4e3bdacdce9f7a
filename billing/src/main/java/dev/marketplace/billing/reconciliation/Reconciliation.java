package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
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
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Finance's reconciliation and close, per period: run (fetch Stripe's balance transactions page by page, book their
 * fees, read the ledger and the usage records, match, store the differences), resolve a difference by a correcting
 * journal or as timing, close the period. Every finance action is audited in its own transaction.
 */
@ApplicationScoped
public class Reconciliation {

    /** How far around a period the matcher looks for the other half of a timing difference. */
    static final Duration TIMING_WINDOW = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private BalanceTransactions stripe;
    @Inject
    private MeteredUsage usage;
    @Inject
    private AuditTrail audit;

    private final StripeFees fees = new StripeFees();
    private final LedgerWriter writer = new LedgerWriter();

    public Reconciliation() {
        // for CDI
    }

    public Reconciliation(DataSource dataSource, BalanceTransactions stripe, MeteredUsage usage, AuditTrail audit) {
        this.dataSource = dataSource;
        this.stripe = stripe;
        this.usage = usage;
        this.audit = audit;
    }

    /** Opens {@code [start, end)} as the next period (or returns it if it is exactly the latest one). */
    public Period openPeriod(Instant start, Instant end, String actor) {
        return Transactions.inTransaction(dataSource, "opening a reconciliation period", c -> {
            Period period = Periods.open(c, start, end);
            audit.append(c, actor, "recon.period.open", "period:" + period.id(), start + " .. " + end);
            return period;
        });
    }

    /** Opens the calendar month (UTC) as the next period. */
    public Period openMonth(YearMonth month, String actor) {
        Instant[] bounds = Periods.month(month);
        return openPeriod(bounds[0], bounds[1], actor);
    }

    public List<Period> periods() {
        return Transactions.withConnection(dataSource, "listing periods", Periods::all);
    }

    public Period period(long id) {
        return Transactions.withConnection(dataSource, "reading period " + id, c -> Periods.find(c, id));
    }

    public List<Difference> differences(long periodId) {
        return Transactions.withConnection(dataSource, "listing differences", c -> Differences.ofPeriod(c, periodId));
    }

    public int unexplained(long periodId) {
        return Transactions.withConnection(dataSource, "counting differences", c -> Differences.unexplained(c, periodId));
    }

    /** The journal with this idempotency key (a usage record's id for usage), if any. */
    public Optional<JournalLines> journal(String key) {
        return Transactions.withConnection(dataSource, "reading journal " + key, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT j.idempotency_key, j.kind, j.memo, j.external_ref, j.created_at, p.account_code,
                           p.amount_micros
                      FROM ledger_journal j JOIN ledger_posting p ON p.journal_id = j.id
                     WHERE j.idempotency_key = ? ORDER BY p.id""")) {
                s.setString(1, key);
                try (ResultSet rows = s.executeQuery()) {
                    JournalLines journal = null;
                    List<Posting> postings = new ArrayList<>();
                    while (rows.next()) {
                        if (journal == null) {
                            journal = new JournalLines(rows.getString(1), rows.getString(2), rows.getString(3),
                                    rows.getString(4), rows.getTimestamp(5).toInstant(), postings);
                        }
                        postings.add(new Posting(rows.getString(6), rows.getLong(7)));
                    }
                    return Optional.ofNullable(journal);
                }
            }
        });
    }

    /**
     * Runs the matcher over the period. Idempotent: a re-run finds the same differences and stores no second row;
     * resolutions stand. {@code progress} hears each step as it starts.
     */
    public RunSummary run(long periodId, String actor, Consumer<String> progress) {
        long started = System.nanoTime();
        Period period = period(periodId);
        if (period.closed()) {
            throw new ReconciliationException("period " + periodId + " is closed");
        }
        Instant from = period.startsAt().minus(TIMING_WINDOW);
        Instant to = period.endsAt().plus(TIMING_WINDOW);
        progress.accept("fetching Stripe balance transactions page by page");
        List<BalanceLine> lines = new ArrayList<>();
        int pages = stripe.forEach(from, to, lines::add);
        progress.accept("booking Stripe fees of " + lines.size() + " balance transactions");
        long booked = bookFees(lines, period.startsAt());
        progress.accept("reading usage records");
        List<Entry> usageEntries = new ArrayList<>();
        usage.forEachCharged(from, to, u -> usageEntries.add(new Entry(Component.USAGE, u.id(), u.costMicros(),
                u.at(), u.id(), AccountCodes.developerCredit(u.developerId()))));
        progress.accept("reading ledger journals");
        LedgerEntries.Read ledger = Transactions.inSnapshot(dataSource, "reading the ledger for reconciliation",
                c -> LedgerEntries.read(c, periodId, from, to));
        progress.accept("matching");
        List<Entry> stripeEntries = new ArrayList<>();
        for (BalanceLine line : lines) {
            stripeEntries.addAll(StripeEntries.of(line));
        }
        Matcher matcher = new Matcher(period.startsAt(), period.endsAt());
        List<Found> found = new ArrayList<>(matcher.match(Matcher.Sides.STRIPE_LEDGER, stripeEntries, ledger.stripe()));
        found.addAll(matcher.match(Matcher.Sides.USAGE_LEDGER, usageEntries, ledger.usage()));
        progress.accept("storing " + found.size() + " differences");
        RunSummary summary = Transactions.inTransaction(dataSource, "storing reconciliation of period " + periodId, c -> {
            long runId = Differences.startRun(c, periodId, actor);
            Differences.store(c, periodId, runId, found, actor);
            RunSummary s = new RunSummary(runId, periodId, lines.size(), pages, ledger.journals(), usageEntries.size(),
                    booked, found.size(), Differences.unexplained(c, periodId),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            Differences.finishRun(c, s);
            audit.append(c, actor, "recon.run", "period:" + periodId, found.size() + " differences, "
                    + s.unexplained() + " unexplained");
            return s;
        });
        LOG.info(() -> "reconciliation of period " + periodId + ": " + summary);
        return summary;
    }

    /** Books the fees of charges from the period's start on (earlier ones belong to periods already reconciled). */
    private long bookFees(List<BalanceLine> lines, Instant since) {
        return Transactions.inTransaction(dataSource, "booking Stripe fees", c -> {
            long booked = 0;
            for (BalanceLine line : lines) {
                if (!line.created().isBefore(since) && fees.bookFrom(c, line)) {
                    booked++;
                }
            }
            return booked;
        });
    }

    /**
     * Resolves a difference with a correcting journal (posted now, so in the open period; it counts for the
     * difference's own period when that is re-run) against {@code counterAccount}, or the default for its kind.
     */
    public Difference correct(long differenceId, String counterAccount, String reason, String actor) {
        String why = requireReason(reason);
        return Transactions.inTransaction(dataSource, "correcting difference " + differenceId, c -> {
            Difference d = openDifference(c, differenceId);
            String account = counterAccount == null || counterAccount.isBlank()
                    ? Corrections.defaultCounterAccount(d) : counterAccount.strip();
            JournalEntry journal = Corrections.journal(d, account, why);
            writer.post(c, journal);
            Differences.resolve(c, differenceId, DifferenceStatus.CORRECTED, journal.idempotencyKey(),
                    d.deltaMicros(), why, actor);
            audit.append(c, actor, "recon.correct", "difference:" + differenceId,
                    journal.idempotencyKey() + " " + d.deltaMicros() + " micros against " + account + ": " + why);
            return Differences.lock(c, differenceId).orElseThrow();
        });
    }

    /** Marks a difference as timing: explained here, its other half is expected in the next period. */
    public Difference markTiming(long differenceId, String reason, String actor) {
        String why = requireReason(reason);
        return Transactions.inTransaction(dataSource, "marking difference " + differenceId + " as timing", c -> {
            Difference d = openDifference(c, differenceId);
            if (d.differenceClass() != DifferenceClass.TIMING) {
                throw new ReconciliationException("only a timing difference can be carried; this one is "
                        + d.differenceClass().dbValue());
            }
            Differences.resolve(c, differenceId, DifferenceStatus.TIMING, null, null, why, actor);
            audit.append(c, actor, "recon.timing", "difference:" + differenceId, why);
            return Differences.lock(c, differenceId).orElseThrow();
        });
    }

    /** Closes the period: only after it ended, after a run since then, and at zero unexplained difference. */
    public Period close(long periodId, String actor) {
        return Transactions.inTransaction(dataSource, "closing period " + periodId, c -> {
            Period period = Periods.lock(c, periodId);
            if (period.closed()) {
                throw new ReconciliationException("period " + periodId + " is already closed");
            }
            if (period.endsAt().isAfter(Instant.now())) {
                throw new ReconciliationException("period " + periodId + " has not ended yet");
            }
            if (!ranSince(c, periodId, period.endsAt())) {
                throw new ReconciliationException("run the reconciliation once after the period ended, then close");
            }
            int open = Differences.unexplained(c, periodId);
            if (open > 0) {
                throw new ReconciliationException(open + " unexplained differences: resolve them first");
            }
            Periods.close(c, periodId, actor);
            audit.append(c, actor, "recon.close", "period:" + periodId, period.startsAt() + " .. " + period.endsAt());
            return Periods.find(c, periodId);
        });
    }

    private static boolean ranSince(Connection c, long periodId, Instant since) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(
                "SELECT 1 FROM recon_run WHERE period_id = ? AND finished_at IS NOT NULL AND started_at >= ?")) {
            statement.setLong(1, periodId);
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Difference openDifference(Connection c, long id) throws SQLException {
        Difference d = Differences.lock(c, id).orElseThrow(() -> new ReconciliationException("no difference " + id));
        if (d.status() != DifferenceStatus.OPEN) {
            throw new ReconciliationException("difference " + id + " is " + d.status().dbValue() + ", not open");
        }
        if (Periods.find(c, d.periodId()).closed()) {
            throw new ReconciliationException("its period is closed");
        }
        return d;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReconciliationException("a reason is required");
        }
        if (reason.length() > 1000) {
            throw new ReconciliationException("the reason is longer than 1000 characters");
        }
        return reason.strip();
    }
}
