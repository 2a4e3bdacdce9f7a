package dev.marketplace.simulation;

import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.Ledger;
import dev.marketplace.billing.reconciliation.Difference;
import dev.marketplace.billing.reconciliation.DifferenceStatus;
import dev.marketplace.billing.reconciliation.Period;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.billing.reconciliation.RunSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code ./marketplace simulate-month}: the month in clear steps, then the reconciliation of its period. The ledger
 * dates everything now(), so "the month" is this run's window: the period under reconciliation starts when the run
 * starts and ends after the last step, and "mid-month" is half-way through the calls (decision
 * 0016). Prints every step, what reconciliation found, and
 * {@code unexplained differences: N} as computed after resolving what it found.
 */
public final class SimulateMonth {


    /** The outcome, for the scaled-down test. */
    public record Result(List<Discrepancies.Injected> injected, List<Difference> found, List<Difference> unexpected,
                         int unexplainedAfterResolution, int unexplainedNextPeriod, boolean booksOk, long calls,
                         Duration elapsed) {

        public boolean passed() {
            return unexpected.isEmpty() && found.size() == injected.size() && unexplainedAfterResolution == 0
                    && unexplainedNextPeriod == 0 && booksOk;
        }
    }

    private final SimulationSettings settings;
    private final PrintStream out;
    private final long started = System.nanoTime();

    public SimulateMonth(SimulationSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        SimulationSettings settings = SimulationSettings.fromEnvironment(System.getenv());
        Result result = new SimulateMonth(settings, System.out).run();
        System.exit(result.passed() ? 0 : 1);
    }

    public Result run() throws Exception {
        out.printf("simulate-month: %,d calls, %d providers, %d developers, %d concurrent callers%n",
                settings.calls(), settings.providers(), settings.developers(), settings.threads());
        try (World world = new World(settings.threads(), settings.keepDatabase())) {
            out.println("fresh database " + world.database.name() + (settings.keepDatabase() ? " (kept)" : "")
                    + ", Stripe stub on " + world.stub.baseUrl());
            return month(world);
        }
    }

    private Result month(World world) throws Exception {
        Instant periodStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(settings.seed());
        Catalog catalog = step("catalog", () -> Catalog.create(world.data(), settings.providers(),
                settings.developers(), random));
        Payments payments = new Payments(world);
        Traffic traffic = new Traffic(world.metering.recorder(), catalog, settings.threads());
        long half = settings.calls() / 2;
        step("purchases", () -> payments.buyCredit(catalog.developers, random));
        step("calls, first half of the month", () -> {
            traffic.run(0, half, settings.seed());
            return calls(traffic);
        });
        step("mid-month price and take-rate changes", () -> catalog.changeMidMonth(world.data()));
        step("second purchases of a tenth of the developers", () -> payments.buyCredit(
                catalog.developers.subList(0, Math.max(1, catalog.developers.size() / 10)), random));
        step("calls, second half of the month", () -> {
            traffic.run(half, settings.calls(), settings.seed() + 1);
            return calls(traffic);
        });
        step("refunds", () -> payments.refund(3));
        step("a dispute", payments::disputeLost);
        Settling settling = new Settling(world);
        step("providers' Connect accounts (transfers active)", settling::connectAccounts);
        step("settlement of the day per provider", settling::settle);
        step("statements prepared by finance, approved by finance2, paid by Stripe Transfer", settling::approveAndPay);
        step("a reversed transfer", settling::reverseOne);
        Discrepancies discrepancies = new Discrepancies(world, catalog, payments);
        step("inject five discrepancies (separate code)", () -> {
            discrepancies.beforeBoundary();
            return discrepancies.injected().size() + " injected";
        });
        Instant boundary = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Pause.millis(Duration.between(Instant.now(), boundary).toMillis() + 1_200);
        step("after the period ended: the boundary payment is credited", () -> {
            discrepancies.afterBoundary();
            return "period [" + periodStart + ", " + boundary + ")";
        });
        return reconcile(world, discrepancies, periodStart, boundary, traffic);
    }

    private Result reconcile(World world, Discrepancies discrepancies, Instant start, Instant boundary,
                             Traffic traffic) throws Exception {
        Reconciliation recon = world.reconciliation;
        Period month = recon.openPeriod(start, boundary, "simulate-month");
        Period next = recon.openPeriod(boundary, boundary.plus(Duration.ofDays(30)), "simulate-month");
        RunSummary first = step("reconciliation run", () -> recon.run(month.id(), "simulate-month",
                s -> out.println("      " + s)));
        out.printf("  read %,d Stripe balance transactions (%d pages), %,d ledger journals, %,d usage records;"
                + " booked %,d Stripe fees; %d differences%n", first.stripeTransactions(), first.stripePages(),
                first.ledgerJournals(), first.usageRecords(), first.feesBooked(), first.differences());
        List<Discrepancies.Injected> injected = discrepancies.injected();
        List<Difference> found = new ArrayList<>();
        List<Difference> unexpected = new ArrayList<>();
        out.println("differences found:");
        for (Difference d : recon.differences(month.id())) {
            Optional<Discrepancies.Injected> which = Discrepancies.which(injected, d);
            out.printf("  %-22s %-7s %-32s stripe %s  ledger %s  usage %s  [%s | %s]  -> %s%n",
                    d.differenceClass().dbValue(), d.component().dbValue(), d.joinKey(), usd(d.stripeMicros()),
                    usd(d.ledgerMicros()), usd(d.usageMicros()), d.stripeRefs(), d.ledgerRefs(),
                    which.map(i -> "injected: " + i.name()).orElse("UNEXPECTED"));
            if (which.isPresent() && d.status() == DifferenceStatus.OPEN) {
                found.add(d);
                discrepancies.resolve(recon, d, which.get());
            } else {
                unexpected.add(d);
            }
        }
        for (Discrepancies.Injected i : injected) {
            if (found.stream().noneMatch(i::matches)) {
                out.println("  NOT FOUND: " + i.name() + " (" + i.differenceClass().dbValue() + " "
                        + i.joinKey() + ")");
            }
        }
        RunSummary again = recon.run(month.id(), "simulate-month", s -> { });
        int unexplained = recon.unexplained(month.id());
        if (unexplained == 0) {
            recon.close(month.id(), "simulate-month");
            out.println("period " + month.id() + " closed");
        }
        int nextOpen = recon.run(next.id(), "simulate-month", s -> { }).unexplained();
        InvariantReport books = new Ledger(world.data()) { }.checkInvariants();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        out.println("found " + found.size() + " of " + injected.size() + " injected discrepancies, "
                + unexpected.size() + " unexpected; re-run after resolving: run " + again.runId());
        out.println("what it found and how each was resolved:");
        for (Difference d : recon.differences(month.id())) {
            out.printf("  %-22s %-7s %-32s %-9s %s%n", d.differenceClass().dbValue(), d.component().dbValue(),
                    d.joinKey(), d.status().dbValue(), d.journalKey() == null ? "" : d.journalKey());
        }
        out.println("next period (carried timing): " + nextOpen + " unexplained");
        out.println("books: " + books);
        out.println("unexplained differences: " + unexplained);
        out.printf("run time: %.1f s (%,d calls charged, %,d failed, %,d refused)%n", elapsed.toMillis() / 1000.0,
                traffic.charged.get(), traffic.failed.get(), traffic.refused.get());
        return new Result(injected, found, unexpected, unexplained, nextOpen, books.ok(), traffic.charged.get(),
                elapsed);
    }

    private static String calls(Traffic t) {
        return String.format("so far %,d charged, %,d failed (no charge), %,d refused; gross %s", t.charged.get(),
                t.failed.get(), t.refused.get(), usd(t.grossMicros.get()));
    }

    static String usd(long micros) {
        return (micros < 0 ? "-$" : "$") + java.math.BigDecimal.valueOf(Math.abs(micros), 6).toPlainString();
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private <T> T step(String name, Work<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.run();
        out.printf("  [ran] %s: %s (%.1f s)%n", name, result instanceof RunSummary ? "done" : result,
                (System.nanoTime() - t0) / 1e9);
        return result;
    }
}
