package dev.marketplace.ui.shell;

import dev.marketplace.billing.money.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the portal prints money and time: exact micro-USD with all six decimals, times in UTC. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code 99998750} → {@code "$99.998750"}, {@code -1} → {@code "-$0.000001"}; exact, never through double. */
    public static String usd(long micros) {
        String amount = Money.toUsd(micros).abs().toPlainString();
        return (micros < 0 ? "-$" : "$") + amount;
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
