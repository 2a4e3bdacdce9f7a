package dev.marketplace.platform.operations;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter family with fixed label names; label values beyond {@link #MAX_SERIES} series fold into "other". */
final class Counters {
    static final int MAX_SERIES = 2_000;
    private final String name;
    private final String help;
    private final List<String> labels;
    private final ConcurrentHashMap<List<String>, LongAdder> series = new ConcurrentHashMap<>();

    Counters(String name, String help, String... labels) {
        this.name = name;
        this.help = help;
        this.labels = List.of(labels);
    }

    void add(long amount, String... values) {
        series(List.of(values)).add(amount);
    }

    void inc(String... values) {
        add(1, values);
    }

    private LongAdder series(List<String> values) {
        LongAdder adder = series.get(values);
        if (adder != null) {
            return adder;
        }
        if (series.size() >= MAX_SERIES) {
            values = values.stream().map(v -> "other").toList();
        }
        return series.computeIfAbsent(values, k -> new LongAdder());
    }

    void render(StringBuilder out) {
        Exposition.header(out, name, help, "counter");
        Map<String, Long> sorted = new TreeMap<>();
        series.forEach((values, adder) -> sorted.put(Exposition.labels(labels, values, null, null), adder.sum()));
        sorted.forEach((labelText, value) -> out.append(name).append(labelText).append(' ').append(value).append('\n'));
    }
}
