package dev.marketplace.ui.developer;

import dev.marketplace.activity.application.DailyUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One metric of the daily usage laid out for a stacked bar chart: every day of the period (days without usage are
 * zero), and one series per group, the largest {@link #MAX_SERIES} by their total and the rest summed as "Other".
 */
public record ChartData(List<LocalDate> days, List<Series> series) {
    static final int MAX_SERIES = 8;
    static final String OTHER = "Other";
    static final String NO_VALUE = "(none)";

    /** A group's value on each day, in the order of {@link #days}. */
    public record Series(String name, long[] values) {
        long total() {
            long sum = 0;
            for (long v : values) {
                sum = Math.addExact(sum, v);
            }
            return sum;
        }
    }

    static ChartData of(List<DailyUsage> usage, LocalDate from, LocalDate to, ToLongFunction<DailyUsage> metric) {
        return of(usage, DailyUsage::day, DailyUsage::group, from, to, metric);
    }

    /** The same for any daily rows: {@code day} and {@code group} say where a row's {@code metric} goes. */
    public static <T> ChartData of(List<T> rows, java.util.function.Function<T, LocalDate> day,
                                   java.util.function.Function<T, String> group, LocalDate from, LocalDate to,
                                   ToLongFunction<T> metric) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            index.put(days.get(i), i);
        }
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        for (T u : rows) {
            Integer dayIndex = index.get(day.apply(u));
            long value = metric.applyAsLong(u);
            if (dayIndex == null || value == 0) {
                continue;
            }
            String name = group.apply(u);
            String groupName = name == null || name.isEmpty() ? NO_VALUE : name;
            long[] values = byGroup.computeIfAbsent(groupName, g -> new long[days.size()]);
            values[dayIndex] = Math.addExact(values[dayIndex], value);
        }
        List<Series> ranked = new ArrayList<>(byGroup.entrySet().stream()
                .map(e -> new Series(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Series::total).reversed().thenComparing(Series::name))
                .toList());
        if (ranked.size() > MAX_SERIES) {
            long[] other = new long[days.size()];
            for (Series s : ranked.subList(MAX_SERIES - 1, ranked.size())) {
                for (int i = 0; i < other.length; i++) {
                    other[i] = Math.addExact(other[i], s.values()[i]);
                }
            }
            ranked = new ArrayList<>(ranked.subList(0, MAX_SERIES - 1));
            ranked.add(new Series(OTHER, other));
        }
        return new ChartData(days, List.copyOf(ranked));
    }

    /** The day's stacked height: all series together. */
    long dayTotal(int day) {
        long sum = 0;
        for (Series s : series) {
            sum = Math.addExact(sum, s.values()[day]);
        }
        return sum;
    }

    long maxDayTotal() {
        long max = 0;
        for (int i = 0; i < days.size(); i++) {
            max = Math.max(max, dayTotal(i));
        }
        return max;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }
}
