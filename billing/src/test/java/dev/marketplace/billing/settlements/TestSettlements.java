package dev.marketplace.billing.settlements;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Settlements at a fixed clock, for tests outside this package. */
public final class TestSettlements {

    private TestSettlements() {
    }

    public static Settlements at(DataSource dataSource, Instant now, SettlementPolicy policy) {
        return new Settlements(dataSource, policy, Clock.fixed(now, ZoneOffset.UTC));
    }
}
