package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.activity.application.DailyUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDataTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @Test
    void everyDayOfThePeriodIsThereWithZerosWhereNothingHappened() {
        ChartData data = ChartData.of(List.of(new DailyUsage(D1.plusDays(1), "m", 7, 70, 1)), D1, D1.plusDays(2),
                DailyUsage::tokens);
        assertEquals(List.of(D1, D1.plusDays(1), D1.plusDays(2)), data.days());
        assertEquals(1, data.series().size());
        assertArrayEquals(new long[] {0, 70, 0}, data.series().get(0).values());
        assertEquals(70, data.maxDayTotal());
    }

    @Test
    void anEmptyGroupIsNamedAndZeroValuesAndOtherDaysAreLeftOut() {
        List<DailyUsage> usage = List.of(new DailyUsage(D1, "", 5, 0, 1), new DailyUsage(D1, "zero", 0, 0, 1),
                new DailyUsage(D1.minusDays(1), "before", 9, 0, 1));
        ChartData data = ChartData.of(usage, D1, D1, DailyUsage::costMicros);
        assertEquals(1, data.series().size());
        assertEquals(ChartData.NO_VALUE, data.series().get(0).name());
    }

    @Test
    void theLargestGroupsComeFirstAndTheRestAreSummedAsOther() {
        List<DailyUsage> usage = new ArrayList<>();
        for (int g = 1; g <= 10; g++) {
            usage.add(new DailyUsage(D1, "g" + g, g, 0, 0));
            usage.add(new DailyUsage(D1.plusDays(1), "g" + g, 100L * g, 0, 0));
        }
        ChartData data = ChartData.of(usage, D1, D1.plusDays(1), DailyUsage::costMicros);
        assertEquals(ChartData.MAX_SERIES, data.series().size());
        assertEquals("g10", data.series().get(0).name());
        ChartData.Series other = data.series().get(ChartData.MAX_SERIES - 1);
        assertEquals(ChartData.OTHER, other.name());
        // g1, g2 and g3 are folded into Other: nothing is lost
        assertArrayEquals(new long[] {1 + 2 + 3, 100 + 200 + 300}, other.values());
        long total = data.series().stream().mapToLong(ChartData.Series::total).sum();
        assertEquals(55 + 5500, total);
        assertTrue(data.series().get(1).total() >= data.series().get(2).total());
    }
}
