package dev.marketplace.billing.financedashboard;

import java.time.YearMonth;

/**
 * One UTC month's flows in micro-USD, as finance reads them (all positive when money flows the usual way): cash
 * received for credit, cash refunded, take revenue, Stripe fees, transfers to providers.
 */
public record MonthFigures(YearMonth month, long purchasesMicros, long refundsMicros, long takeRevenueMicros,
                           long stripeFeesMicros, long transfersMicros) {
}
