package dev.marketplace.ui.catalog;

import dev.marketplace.billing.money.Money;
import dev.marketplace.catalog.browse.Prices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the catalog prints prices (exact, per million tokens), uptime, latency and token counts. Pure. */
public final class CatalogFormats {

    private CatalogFormats() {
    }

    /** Micro-USD per million tokens as dollars per million: {@code 2_500_000} → {@code "$2.50"}; exact. */
    static String perMillion(long microsPerMTok) {
        return dollars(microsPerMTok);
    }

    /** Exact dollars with at least two decimals: {@code 300} → {@code "$0.0003"}, {@code 2_000_000} → {@code "$2.00"}. */
    static String dollars(long micros) {
        var usd = Money.toUsd(micros).stripTrailingZeros();
        return "$" + (usd.scale() < 2 ? usd.setScale(2) : usd).toPlainString();
    }

    /** The optional prices that cost something, e.g. {@code "$0.0003/request · cache read $0.50/M"}; empty when none. */
    static String extras(Prices p) {
        List<String> parts = new ArrayList<>();
        if (p.requestMicros() != 0) {
            parts.add(dollars(p.requestMicros()) + "/request");
        }
        if (p.cacheReadMicrosPerMTok() != 0) {
            parts.add("cache read " + perMillion(p.cacheReadMicrosPerMTok()) + "/M");
        }
        if (p.cacheWriteMicrosPerMTok() != 0) {
            parts.add("cache write " + perMillion(p.cacheWriteMicrosPerMTok()) + "/M");
        }
        return String.join(" \u00b7 ", parts);
    }

    /** A fraction as a percentage with one decimal, or an em dash when there was no traffic. */
    public static String uptime(Double fraction) {
        return fraction == null ? "\u2014" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String millis(Double ms) {
        return ms == null ? "\u2014" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** {@code 1234567} → {@code "1,234,567"}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
