package dev.marketplace.billing.settlements;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.testing.SettlementFixtures;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettlementsTest {

    private static final Instant DAY1 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    private static final Instant DAY3 = DAY2.plus(Duration.ofDays(1));
    private static final SettlementPolicy POLICY = new SettlementPolicy(Frequency.DAILY, 25_000_000,
            Duration.ofMinutes(30));

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private static SettlementFixtures fixtures;

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
        fixtures = new SettlementFixtures(dataSource);
    }

    private static Settlements at(Instant now) {
        return new Settlements(dataSource, POLICY, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SettlementPayee payee(long id) {
        return new SettlementPayee(id, "provider " + id, false);
    }

    @Test
    void statementLinesAreExactSumsOfThePostedUsageJournalsPerModelAndDay() throws SQLException {
        long provider = 501;
        Random random = new Random(42);
        Map<String, long[]> expected = new HashMap<>(); // day|model -> requests, prompt, completion, gross, fee, net
        for (int i = 0; i < 1050; i++) { // > MAX_KEYS, so the attribution is asked in chunks
            Instant at = DAY1.plusMillis((long) (random.nextDouble() * Duration.ofDays(3).toMillis()));
            String model = random.nextBoolean() ? "acme/big" : "acme/small";
            long gross = 1 + random.nextInt(3_000_000);
            int bps = random.nextInt(3) * 250 + 1;
            long prompt = random.nextInt(5000);
            long completion = random.nextInt(900);
            fixtures.charge("s1-" + i, provider, false, model, prompt, completion, gross, bps, at);
            add(expected, at, model, prompt, completion, gross, bps);
        }
        // exactly on the boundary: belongs to the day that starts there; one micro before: to the day before
        fixtures.charge("s1-edge-a", provider, false, "acme/big", 10, 10, 1_000_001, 500, DAY2);
        fixtures.charge("s1-edge-b", provider, false, "acme/big", 10, 10, 2_000_003, 500, DAY2.minusNanos(1000));
        add(expected, DAY2, "acme/big", 10, 10, 1_000_001, 500);
        add(expected, DAY1, "acme/big", 10, 10, 2_000_003, 500);
        fixtures.charge("s1-other", 502, false, "acme/big", 1, 1, 9_999_999, 500, DAY1.plusSeconds(5));

        List<Statement> made = at(DAY3.plus(Duration.ofDays(1)).plus(POLICY.grace()))
                .settleDue(payee(provider), fixtures.attribution(), "runner");

        assertEquals(3, made.size());
        long totalNet = 0;
        for (Statement statement : made) {
            assertEquals(Duration.ofDays(1), Duration.between(statement.period().start(), statement.period().end()));
            long requests = 0;
            for (StatementLine line : at(DAY3).lines(statement.id())) {
                long[] e = expected.remove(line.day() + "|" + line.model());
                assertEquals(List.of(e[0], e[1], e[2], e[3], e[4], e[5]), List.of(line.requests(), line.promptTokens(),
                        line.completionTokens(), line.grossMicros(), line.feeMicros(), line.netMicros()),
                        line.day() + " " + line.model());
                requests += line.requests();
            }
            assertEquals(requests, statement.requests());
            totalNet += statement.netMicros();
        }
        assertTrue(expected.isEmpty(), "lines missing: " + expected.keySet());
        assertEquals(balance(dataSource, AccountCodes.providerPayable(provider)), totalNet);
        Statement last = made.get(2);
        assertEquals(made.get(0).carriedOutMicros() + made.get(1).netMicros() - made.get(1).payoutMicros(),
                made.get(1).carriedOutMicros());
        assertEquals(last.carriedInMicros() + last.netMicros(), last.payoutMicros() + last.carriedOutMicros());
        assertTrue(last.payoutMicros() % 10_000 == 0);
        assertInvariantsOk(dataSource);
    }

    private static void add(Map<String, long[]> expected, Instant at, String model, long prompt, long completion,
                            long gross, int bps) {
        long[] e = expected.computeIfAbsent(at.atZone(ZoneOffset.UTC).toLocalDate() + "|" + model, k -> new long[6]);
        FeeSplit split = Money.split(gross, bps);
        e[0]++;
        e[1] += prompt;
        e[2] += completion;
        e[3] += gross;
        e[4] += split.feeMicros();
        e[5] += split.shareMicros();
    }

    @Test
    void reRunningAPeriodReturnsTheSameStatementNeverASecondOne() throws SQLException {
        long provider = 511;
        fixtures.charge("s2-1", provider, false, "acme/big", 1, 1, 40_000_000, 500, DAY1.plusSeconds(60));
        Settlements settlements = at(DAY3);
        Statement first = settlements.settleDue(payee(provider), fixtures.attribution(), "alice").get(0);
        fixtures.usage.put("s2-1", new dev.marketplace.billing.settlements.UsageAttribution.Usage(provider, "renamed",
                9, 9));

        Statement again = settlements.settlePeriod(payee(provider), first.period(), fixtures.attribution(), "bob");

        assertEquals(first, again);
        assertEquals(List.of(), settlements.settleDue(payee(provider), fixtures.attribution(), "bob").subList(0, 0));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM settlement_statement WHERE provider_id = 511"));
        assertEquals("acme/big", settlements.lines(first.id()).get(0).model());
    }

    @Test
    void aBalanceBelowTheMinimumPayoutIsCarriedIntoTheNextStatement() throws SQLException {
        long provider = 521;
        fixtures.charge("s3-1", provider, false, "acme/big", 1, 1, 10_526_316, 500, DAY1.plusSeconds(60)); // net 10,000,000
        fixtures.charge("s3-2", provider, false, "acme/big", 1, 1, 21_052_633, 500, DAY2.plusSeconds(60)); // net 20,000,001

        List<Statement> made = at(DAY3.plus(Duration.ofHours(1))).settleDue(payee(provider), fixtures.attribution(),
                "runner");

        Statement day1 = made.get(0);
        Statement day2 = made.get(1);
        assertEquals(List.of(0L, 0L, 10_000_000L), List.of(day1.carriedInMicros(), day1.payoutMicros(),
                day1.carriedOutMicros()));
        assertEquals(List.of(10_000_000L, 30_000_000L, 1L), List.of(day2.carriedInMicros(), day2.payoutMicros(),
                day2.carriedOutMicros()), "paid to the cent, the micro carried on");
        assertEquals(30_000_001, balance(dataSource, AccountCodes.providerPayable(provider)));
    }

    @Test
    void anOpenPeriodOrOneInsideTheGraceWindowIsNotSettled() throws SQLException {
        long provider = 531;
        fixtures.charge("s4-1", provider, false, "acme/big", 1, 1, 1_000_000, 500, DAY1.plusSeconds(60));
        Settlements inGrace = at(DAY2.plus(Duration.ofMinutes(29)));

        assertEquals(0, inGrace.settleDue(payee(provider), fixtures.attribution(), "runner").size());
        assertThrows(IllegalArgumentException.class, () -> inGrace.settlePeriod(payee(provider),
                Frequency.DAILY.periodContaining(DAY1), fixtures.attribution(), "runner"));
        assertEquals(1, at(DAY2.plus(Duration.ofMinutes(30))).settleDue(payee(provider), fixtures.attribution(),
                "runner").size());
    }

    @Test
    void aPlatformOperatedProviderIsReportedFromPlatformRevenueAndNeverPaid() throws SQLException {
        fixtures.charge("s5-1", 541, true, "sim/echo", 3, 4, 2_000_000, 0, DAY1.plusSeconds(10));
        fixtures.charge("s5-2", 542, true, "sim/other", 3, 4, 5_000_000, 0, DAY1.plusSeconds(20));
        fixtures.charge("s5-3", 541, true, "sim/echo", 3, 4, 3_000_000, 0, DAY1.plusSeconds(30));

        Statement statement = at(DAY3).settleDue(new SettlementPayee(541, "simulator", true), fixtures.attribution(),
                "runner").get(0);

        assertEquals(StatementStatus.PLATFORM, statement.status());
        assertEquals(AccountCodes.REVENUE_PLATFORM_PROVIDER, statement.payeeAccount());
        assertEquals(List.of(2L, 5_000_000L, 0L, 0L), List.of(statement.requests(), statement.netMicros(),
                statement.payoutMicros(), statement.carriedOutMicros()));
        assertThrows(StatementStateException.class, () -> at(DAY3).prepare(statement.id(), "alice", fixtures.audit()));
    }

    @Test
    void theUserWhoPreparedAStatementCannotApproveIt() throws SQLException {
        long provider = 551;
        fixtures.charge("s6-1", provider, false, "acme/big", 1, 1, 30_000_000, 500, DAY1.plusSeconds(60));
        Settlements settlements = at(DAY3);
        Statement draft = settlements.settleDue(payee(provider), fixtures.attribution(), "runner").get(0);

        assertThrows(StatementStateException.class, () -> settlements.approve(draft.id(), "bob", fixtures.audit()));
        Statement prepared = settlements.prepare(draft.id(), "alice", fixtures.audit());
        assertThrows(FourEyesException.class, () -> settlements.approve(draft.id(), "alice", fixtures.audit()));
        Statement approved = settlements.approve(draft.id(), "bob", fixtures.audit());

        assertEquals(StatementStatus.PREPARED, prepared.status());
        assertEquals(List.of(StatementStatus.APPROVED, "alice", "bob"), List.of(approved.status(),
                approved.preparedBy(), approved.approvedBy()));
        assertTrue(fixtures.audited.containsAll(List.of("alice settlement.prepared statement:" + draft.id(),
                "bob settlement.approved statement:" + draft.id())), fixtures.audited.toString());
        assertEquals(1, count(dataSource, "SELECT count(*) FROM settlement_statement WHERE id = " + draft.id()
                + " AND approved_by <> prepared_by"));
    }

    @Test
    void theDatabaseRefusesAnApprovalByThePreparer() throws SQLException {
        long provider = 561;
        fixtures.charge("s7-1", provider, false, "acme/big", 1, 1, 30_000_000, 500, DAY1.plusSeconds(60));
        Statement draft = at(DAY3).settleDue(payee(provider), fixtures.attribution(), "runner").get(0);
        at(DAY3).prepare(draft.id(), "alice", fixtures.audit());

        assertThrows(SQLException.class, () -> {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE settlement_statement SET status = 'approved', approved_by = 'alice'"
                        + " WHERE id = " + draft.id());
            }
        });
    }

    @Test
    void weeklyAndMonthlyPeriodsAreAlignedInUtc() {
        Instant wednesday = Instant.parse("2026-03-04T13:00:00Z");
        assertEquals(new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")),
                Frequency.WEEKLY.periodContaining(wednesday));
        assertEquals(new Period(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")),
                Frequency.MONTHLY.periodContaining(wednesday));
        assertEquals(LocalDate.of(2026, 3, 5), Frequency.DAILY.periodFrom(Instant.parse("2026-03-04T13:00:00Z"))
                .end().atZone(ZoneOffset.UTC).toLocalDate());
    }
}
