package dev.marketplace.ui.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.settlements.Frequency;
import dev.marketplace.billing.settlements.Period;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.billing.settlements.StatementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTextsTest {

    private static final Statement STATEMENT = new Statement(7, 3, "provider:3:payable", Frequency.DAILY,
            new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")), 2, 2_100_001,
            105_000, 1_995_001, -1, 0, 1_990_000, 5_000, 0, StatementStatus.APPROVED, "run", Instant.EPOCH, "a",
            Instant.EPOCH, "b", Instant.EPOCH);

    @Test
    void csvRowsCarryExactDollarsAndQuoteOrDefuseWhatASpreadsheetWouldRun() {
        List<String> rows = StatementTexts.csvRows(STATEMENT, List.of(
                new StatementLine(StatementLine.Kind.USAGE, LocalDate.of(2026, 3, 2), "acme/big", 2, 100, 50, 2_100_001,
                        105_000, 1_995_001, null),
                new StatementLine(StatementLine.Kind.ADJUSTMENT, LocalDate.of(2026, 3, 2), "correction", 0, 0, 0, -1,
                        0, -1, "=HYPERLINK(\"x\"), by hand")));

        assertEquals("7,3,2026-03-02T00:00:00Z,2026-03-03T00:00:00Z,usage,2026-03-02,acme/big,2,100,50,2.100001,"
                + "0.105000,1.995001,", rows.get(0));
        assertTrue(rows.get(1).endsWith(",-0.000001,0.000000,-0.000001,\"'=HYPERLINK(\"\"x\"\"), by hand\""),
                rows.get(1));
        assertEquals(StatementTexts.CSV_HEADER.split(",").length, rows.get(0).split(",", -1).length);
    }

    @Test
    void theSummaryNamesEveryFigureOfTheStatement() {
        String summary = StatementTexts.summary(STATEMENT);
        for (String part : List.of("net $1.995001", "payout $1.990000", "carried over $0.005000", "adjustments -$0.000001",
                "2 requests")) {
            assertTrue(summary.contains(part), summary);
        }
    }
}
