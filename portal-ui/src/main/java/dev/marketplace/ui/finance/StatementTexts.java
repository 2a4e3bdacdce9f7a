package dev.marketplace.ui.finance;

import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.ui.shell.Formats;
import java.util.List;

/** The words and CSV rows of a statement, the same on the finance page, the provider's page and the exports. */
public final class StatementTexts {

    public static final String CSV_HEADER = "statement,provider,period_start,period_end,kind,day,model,requests,"
            + "prompt_tokens,completion_tokens,gross_usd,fee_usd,net_usd,reason";

    private StatementTexts() {
    }

    public static String summary(Statement s) {
        return "Provider #" + s.providerId() + " · " + Formats.time(s.period().start()) + " – "
                + Formats.time(s.period().end()) + " (" + s.frequency().columnValue() + ") · " + s.requests()
                + " requests · gross " + Formats.usd(s.grossMicros()) + " · fee " + Formats.usd(s.feeMicros())
                + " · net " + Formats.usd(s.netMicros()) + " · adjustments " + Formats.usd(s.adjustmentsMicros())
                + " · carried in " + Formats.usd(s.carriedInMicros()) + " · payout " + Formats.usd(s.payoutMicros())
                + " · carried over " + Formats.usd(s.carriedOutMicros()) + " (minimum payout "
                + Formats.usd(s.minimumPayoutMicros()) + ")";
    }

    /** One CSV row per line; amounts as exact decimal dollars (six places). */
    public static List<String> csvRows(Statement s, List<StatementLine> lines) {
        return lines.stream().map(l -> String.join(",", Long.toString(s.id()), Long.toString(s.providerId()),
                s.period().start().toString(), s.period().end().toString(),
                l.kind().name().toLowerCase(java.util.Locale.ROOT), l.day().toString(), csv(l.model()),
                Long.toString(l.requests()), Long.toString(l.promptTokens()), Long.toString(l.completionTokens()),
                plain(l.grossMicros()), plain(l.feeMicros()), plain(l.netMicros()),
                csv(l.reason() == null ? "" : l.reason()))).toList();
    }

    static String plain(long micros) {
        return dev.marketplace.billing.money.Money.toUsd(micros).toPlainString();
    }

    /** Quotes a field when it needs it, and defuses spreadsheet formulas. */
    static String csv(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[^,\"\\r\\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
