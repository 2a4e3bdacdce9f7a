package dev.marketplace.platform.operations;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram family with fixed buckets and label names. Observations are longs in a unit ({@code unitsPerValue}
 * of them make one exposed value: 1e9 for nanoseconds exposed as seconds, 1 for plain counts).
 */
final class Histograms {
    private final String name;
    private final String help;
    private final List<String> labels;
    private final double[] bounds; // in exposed units
    private final long[] rawBounds; // in observed units
    private final double unitsPerValue;
    private final ConcurrentHashMap<List<String>, Series> series = new ConcurrentHashMap<>();

    Histograms(String name, String help, double unitsPerValue, double[] bounds, String... labels) {
        this.name = name;
        this.help = help;
        this.labels = List.of(labels);
        this.bounds = bounds.clone();
        this.unitsPerValue = unitsPerValue;
        this.rawBounds = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            rawBounds[i] = Math.round(bounds[i] * unitsPerValue);
        }
    }

    void observe(long raw, String... values) {
        List<String> key = List.of(values);
        Series s = series.get(key);
        if (s == null) {
            if (series.size() >= Counters.MAX_SERIES) {
                key = key.stream().map(v -> "other").toList();
            }
            s = series.computeIfAbsent(key, k -> new Series(rawBounds.length));
        }
        int i = 0;
        while (i < rawBounds.length && raw > rawBounds[i]) {
            i++;
        }
        s.buckets[i].increment(); // non-cumulative here, summed when rendered
        s.sum.add(raw);
    }

    void render(StringBuilder out) {
        Exposition.header(out, name, help, "histogram");
        Map<String, Map.Entry<List<String>, Series>> sorted = new TreeMap<>();
        series.entrySet().forEach(e -> sorted.put(Exposition.labels(labels, e.getKey(), null, null), e));
        for (Map.Entry<List<String>, Series> e : sorted.values()) {
            Series s = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += s.buckets[i].sum();
                String le = i < bounds.length ? Exposition.number(bounds[i]) : "+Inf";
                out.append(name).append("_bucket").append(Exposition.labels(labels, e.getKey(), "le", le))
                        .append(' ').append(cumulative).append('\n');
            }
            String labelText = Exposition.labels(labels, e.getKey(), null, null);
            out.append(name).append("_sum").append(labelText).append(' ')
                    .append(Exposition.number(s.sum.sum() / unitsPerValue)).append('\n');
            out.append(name).append("_count").append(labelText).append(' ').append(cumulative).append('\n');
        }
    }

    private static final class Series {
        final LongAdder[] buckets;
        final LongAdder sum = new LongAdder();

        Series(int bounds) {
            buckets = new LongAdder[bounds + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }
}
