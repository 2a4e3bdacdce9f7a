package dev.marketplace.systemtests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.Http;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One node's Prometheus metrics at {@code /api/metrics}: samples read by their full name with labels. */
final class NodeMetrics {
    private NodeMetrics() {
    }

    static String scrape(String baseUrl) {
        HttpResponse<String> r = Http.get(baseUrl + "/api/metrics", null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return r.body();
    }

    /** How much a sample grew between two scrapes (an absent sample counts as 0). */
    static long delta(String before, String after, String sample) {
        return value(after, sample) - value(before, sample);
    }

    private static long value(String exposition, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
