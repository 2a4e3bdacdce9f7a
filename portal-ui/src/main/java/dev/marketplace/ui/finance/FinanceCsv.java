package dev.marketplace.ui.finance;

import dev.marketplace.billing.financedashboard.MonthFigures;
import dev.marketplace.billing.reconciliation.Difference;
import java.math.BigDecimal;
import java.util.List;

/** The finance CSV exports, as text: amounts in USD with six decimals, fields quoted when they need it. Pure. */
final class FinanceCsv {

    private FinanceCsv() {
    }

    static String months(List<MonthFigures> months) {
        StringBuilder csv = new StringBuilder("month,purchases_usd,refunds_usd,take_revenue_usd,stripe_fees_usd,"
                + "transfers_usd\n");
        for (MonthFigures m : months) {
            csv.append(m.month()).append(',').append(usd(m.purchasesMicros())).append(',')
                    .append(usd(m.refundsMicros())).append(',').append(usd(m.takeRevenueMicros())).append(',')
                    .append(usd(m.stripeFeesMicros())).append(',').append(usd(m.transfersMicros())).append('\n');
        }
        return csv.toString();
    }

    static String differences(List<Difference> differences) {
        StringBuilder csv = new StringBuilder("id,class,component,join_key,stripe_usd,ledger_usd,usage_usd,"
                + "stripe_refs,ledger_refs,status,journal_key,reason,resolved_by\n");
        for (Difference d : differences) {
            csv.append(d.id()).append(',').append(d.differenceClass().dbValue()).append(',')
                    .append(d.component().dbValue()).append(',').append(field(d.joinKey())).append(',')
                    .append(usd(d.stripeMicros())).append(',').append(usd(d.ledgerMicros())).append(',')
                    .append(usd(d.usageMicros())).append(',').append(field(d.stripeRefs())).append(',')
                    .append(field(d.ledgerRefs())).append(',').append(d.status().dbValue()).append(',')
                    .append(field(d.journalKey())).append(',').append(field(d.reason())).append(',')
                    .append(field(d.resolvedBy())).append('\n');
        }
        return csv.toString();
    }

    static String usd(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }

    /** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return v.matches(".*[,\"\\r\\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
