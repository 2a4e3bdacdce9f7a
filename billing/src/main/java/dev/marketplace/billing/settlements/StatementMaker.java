package dev.marketplace.billing.settlements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Makes the statement of one provider and period on the caller's connection, once: under a per-provider advisory
 * lock it returns the stored statement of that period if there is one, otherwise sums the period's posted lines,
 * carries the previous statement's remainder in and stores statement and lines. Periods are settled in order.
 */
final class StatementMaker {

    /** First key of the advisory lock that serializes settlement per provider. */
    static final int LOCK_SPACE = 70_070;
    static final long MICROS_PER_CENT = 10_000;

    private final StatementCalculator calculator = new StatementCalculator();
    private final StatementStore store = new StatementStore();

    Statement make(Connection c, SettlementPayee payee, Frequency frequency, long minimumPayoutMicros, Period period,
                   UsageAttribution attribution, String actor) throws SQLException {
        lockProvider(c, payee.providerId());
        Optional<Statement> existing = store.find(c, payee.providerId(), period);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Statement> previous = store.latest(c, payee.providerId());
        if (previous.isPresent() && previous.get().period().end().isAfter(period.start())) {
            throw new IllegalStateException("provider " + payee.providerId() + " is settled up to "
                    + previous.get().period().end() + "; " + period + " overlaps it");
        }
        String account = StatementCalculator.payeeAccount(payee);
        List<StatementLine> lines = calculator.lines(c, payee, account, period, attribution);
        Statement statement = figures(payee, account, frequency, minimumPayoutMicros, period, lines,
                payee.platformOperated() ? 0 : previous.map(Statement::carriedOutMicros).orElse(0L), actor);
        long id = store.insert(c, statement, lines)
                .orElseThrow(() -> new IllegalStateException("statement of " + period + " appeared under the lock"));
        return store.find(c, id, false).orElseThrow();
    }

    /** The statement's sums; payout rounded down to the cent once the due reaches the minimum. */
    static Statement figures(SettlementPayee payee, String account, Frequency frequency, long minimumPayoutMicros,
                             Period period, List<StatementLine> lines, long carriedInMicros, String actor) {
        long requests = 0;
        long gross = 0;
        long fee = 0;
        long net = 0;
        long adjustments = 0;
        for (StatementLine line : lines) {
            if (line.kind() == StatementLine.Kind.USAGE) {
                requests = Math.addExact(requests, line.requests());
                gross = Math.addExact(gross, line.grossMicros());
                fee = Math.addExact(fee, line.feeMicros());
                net = Math.addExact(net, line.netMicros());
            } else {
                adjustments = Math.addExact(adjustments, line.netMicros());
            }
        }
        long due = Math.addExact(Math.addExact(carriedInMicros, net), adjustments);
        long payout = 0;
        StatementStatus status = StatementStatus.DRAFT;
        long carriedOut = due;
        if (payee.platformOperated()) {
            status = StatementStatus.PLATFORM;
            carriedOut = 0;
        } else if (due > 0 && due >= minimumPayoutMicros) {
            payout = due / MICROS_PER_CENT * MICROS_PER_CENT;
            carriedOut = due - payout;
        }
        return new Statement(0, payee.providerId(), account, frequency, period, requests, Math.addExact(net, fee), fee,
                net, adjustments, carriedInMicros, payout, carriedOut, minimumPayoutMicros, status, actor,
                Instant.EPOCH, null, null, null, null);
    }

    private static void lockProvider(Connection c, long providerId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            p.setInt(1, LOCK_SPACE);
            p.setInt(2, Long.hashCode(providerId));
            p.execute();
        }
    }
}
