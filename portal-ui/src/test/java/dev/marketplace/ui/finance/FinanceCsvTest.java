package dev.marketplace.ui.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.financedashboard.MonthFigures;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV text and SVG bars of the finance pages. */
class FinanceCsvTest {

    @Test
    void monthsAreExactDollarsWithSixDecimals() {
        assertEquals("month,purchases_usd,refunds_usd,take_revenue_usd,stripe_fees_usd,transfers_usd\n"
                        + "2026-11,20.000000,0.000001,-0.050000,0.610000,0.000000\n",
                FinanceCsv.months(List.of(new MonthFigures(YearMonth.of(2026, 11), 20_000_000, 1, -50_000, 610_000, 0))));
    }

    @Test
    void fieldsAreQuotedAndDefused() {
        assertEquals("\"a,b\"", FinanceCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", FinanceCsv.field("say \"hi\""));
        assertEquals("'=1+1", FinanceCsv.field("=1+1"));
        assertEquals("", FinanceCsv.field(null));
    }

    @Test
    void barsHaveATitlePerMonthAndGoBelowTheAxisWhenNegative() {
        String svg = MonthlyBars.render("Fees <test>", List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11)),
                new long[] {-5, 10}, "#000", v -> "v" + v);
        assertTrue(svg.contains("<title>2026-10: v-5</title>"), svg);
        assertTrue(svg.contains("<title>2026-11: v10</title>"), svg);
        assertTrue(svg.contains("Fees &lt;test&gt;"), svg);
        assertEquals(2, svg.split("<rect ").length - 1);
        assertTrue(MonthlyBars.render("t", List.of(YearMonth.of(2026, 11)), new long[] {0}, "#000", v -> "v" + v)
                .contains("No activity"));
    }
}
