package dev.marketplace.ui.developer;

import dev.marketplace.activity.application.GenerationFilter;
import dev.marketplace.activity.application.GenerationRow;
import dev.marketplace.billing.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/**
 * Generations as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled). Money as exact decimal USD from micro-USD ({@code 0.000125}), never through a float; times
 * in ISO-8601 UTC. Writes one row at a time, so an export streams whatever its size.
 */
final class GenerationCsv {
    static final String HEADER = "generation_id,created_at,model,provider,key,prompt_tokens,completion_tokens,"
            + "cost_usd,latency_ms,status,streamed,metadata";
    private static final String EOL = "\r\n";

    private final Writer out;

    GenerationCsv(Writer out) {
        this.out = out;
    }

    /** The download's file name, e.g. {@code generations-2026-11-01-to-2026-11-25.csv}. */
    static String fileName(GenerationFilter filter) {
        return "generations-" + filter.from() + "-to-" + filter.to() + ".csv";
    }

    void header() throws IOException {
        out.write(HEADER);
        out.write(EOL);
    }

    void row(GenerationRow r) throws IOException {
        out.write(field(r.id()) + ',' + DateTimeFormatter.ISO_INSTANT.format(r.createdAt()) + ',' + field(r.model())
                + ',' + field(r.provider()) + ',' + field(r.keyName()) + ',' + r.promptTokens() + ','
                + r.completionTokens() + ',' + usd(r.costMicros()) + ',' + r.latencyMs() + ',' + field(r.status()) + ','
                + r.streamed() + ',' + field(r.metadataJson()));
        out.write(EOL);
    }

    /** {@code 125} → {@code 0.000125}; exact, six decimals. */
    static String usd(long micros) {
        return Money.toUsd(micros).toPlainString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
