package dev.marketplace.onboarding.takerates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduling take rates and applying them when due, on a real PostgreSQL. */
class TakeRatesTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private long provider;
    private TakeRates rates;
    private TakeRateApplier applier;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void provider() throws SQLException {
        db.execute("truncate provider_take_rate_change, provider_member, inbox_notice, provider cascade");
        provider = db.provider("acme");
        db.execute("insert into provider_member (provider_id, username) values (" + provider + ", 'pat')");
        rates = new TakeRates(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
        applier = new TakeRateApplier(db.dataSource());
    }

    @Test
    void aScheduledRateIsAuditedToldToTheProviderAndAppliedOnlyWhenDue() throws SQLException {
        long due = rates.schedule(provider, 800, now, "Premium support tier", "root");
        long later = rates.schedule(provider, 1_000, now.plus(Duration.ofDays(1)), "Next year", "root");
        long version = version();

        assertEquals(1, applier.applyDue());
        assertEquals(800, bps());
        assertTrue(version() > version, "the provider update bumps the catalog version");
        assertNotNull(rates.history(provider).stream().filter(c -> c.id() == due).findFirst().orElseThrow().appliedAt());
        assertNull(rates.history(provider).stream().filter(c -> c.id() == later).findFirst().orElseThrow().appliedAt());
        assertEquals(0, applier.applyDue(), "nothing twice");
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'provider.take_rate.schedule' "
                + "and target = ? and reason like '8% from %Premium support tier'", "provider:" + provider));
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'provider.take_rate.apply' and target = ?",
                "provider:" + provider));
        assertEquals("Your take rate changes to 10%", new Inbox(db.dataSource()).recent("pat").get(0).subject());
    }

    @Test
    void severalDueChangesEndAtTheLatestEffectiveOne() throws SQLException {
        insertDue(700, "2 minutes");
        insertDue(900, "1 minute");
        assertEquals(2, applier.applyDue());
        assertEquals(900, bps());
    }

    @Test
    void anOlderChangeNeverOverwritesANewerAppliedOne() throws SQLException {
        insertDue(900, "1 minute");
        applier.applyDue();
        insertDue(700, "2 minutes"); // arrived late with an earlier effective time
        assertEquals(1, applier.applyDue());
        assertEquals(900, bps());
    }

    @Test
    void whileAnotherNodeAppliesThisOneSkipsItsTurn() throws SQLException {
        insertDue(900, "1 minute");
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, TakeRateApplier.LOCK_KEY);
                s.execute();
            }
            assertEquals(0, applier.applyDue());
            assertEquals(500, bps());
            other.rollback();
        }
        assertEquals(1, applier.applyDue());
        assertEquals(900, bps());
    }

    @Test
    void badInputIsRefusedBesideItsField() {
        assertEquals("takeRateBps", assertThrows(AdminActionException.class,
                () -> rates.schedule(provider, 10_001, now, "why not", "root")).field());
        assertEquals("effectiveAt", assertThrows(AdminActionException.class,
                () -> rates.schedule(provider, 100, now.minus(Duration.ofHours(1)), "why not", "root")).field());
        assertEquals("reason", assertThrows(AdminActionException.class,
                () -> rates.schedule(provider, 100, now, " ", "root")).field());
        assertThrows(AdminActionException.class, () -> rates.schedule(999_999, 100, now, "why not", "root"));
    }

    @Test
    void percentagesReadNaturally() {
        assertEquals("5%", TakeRates.percent(500));
        assertEquals("12.34%", TakeRates.percent(1_234));
        assertEquals("0%", TakeRates.percent(0));
        assertEquals("100%", TakeRates.percent(10_000));
    }

    private void insertDue(int bps, String ago) throws SQLException {
        db.execute("insert into provider_take_rate_change (provider_id, take_rate_bps, effective_at, reason, created_by) "
                + "values (" + provider + ", " + bps + ", now() - interval '" + ago + "', 'test', 'root')");
    }

    private long bps() throws SQLException {
        return db.longValue("select take_rate_bps from provider where id = ?", provider);
    }

    private long version() throws SQLException {
        return db.longValue("select version from catalog_version");
    }
}
