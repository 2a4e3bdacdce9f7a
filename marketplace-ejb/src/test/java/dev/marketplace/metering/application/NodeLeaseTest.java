package dev.marketplace.metering.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeLeaseTest {
    private static final long T0 = 1_000_000_000L;
    private static final long VALID = 15_000_000_000L;

    private static NodeLease lease(long held) {
        NodeLease lease = new NodeLease("l", "developer:1:credit", T0);
        lease.added(held, T0 + VALID);
        return lease;
    }

    @Test
    void reservesOnlyWhatIsNotReservedYet() {
        NodeLease lease = lease(100);
        assertTrue(lease.tryReserve(60, T0));
        assertFalse(lease.tryReserve(41, T0));
        assertTrue(lease.tryReserve(40, T0));
        assertEquals(0, lease.freeMicros());
        lease.settled(60, 25); // spent 25 of the 60 it held: 35 comes back, the lease shrank by 25
        assertEquals(35, lease.freeMicros());
        lease.released(40);
        assertEquals(75, lease.freeMicros());
    }

    @Test
    void servesNothingAfterItsValidityEnds() {
        NodeLease lease = lease(100);
        assertFalse(lease.tryReserve(1, T0 + VALID));
        lease.renewed(T0 + 2 * VALID);
        assertTrue(lease.tryReserve(1, T0 + VALID));
        lease.renewed(T0); // an older renewal never shortens it
        assertTrue(lease.tryReserve(1, T0 + VALID));
    }

    @Test
    void givingBackTheFreePartDrainsItUntilToppedUp() {
        NodeLease lease = lease(100);
        lease.tryReserve(30, T0);
        assertArrayEquals(new long[] {70, 0}, lease.takeFree(), "30 still reserved: not closed");
        assertFalse(lease.tryReserve(1, T0), "draining");
        lease.settled(30, 30);
        assertEquals(0, lease.retireIfIdle(T0, Long.MAX_VALUE), "a drained lease closes once its calls are done");
        assertTrue(lease.retired());
    }

    @Test
    void aTopUpEndsTheDrain() {
        NodeLease lease = lease(100);
        lease.tryReserve(30, T0);
        lease.takeFree();
        lease.added(50, T0 + VALID);
        assertTrue(lease.tryReserve(50, T0));
    }

    @Test
    void withNothingReservedGivingBackClosesIt() {
        NodeLease lease = lease(100);
        assertArrayEquals(new long[] {100, 1}, lease.takeFree());
        assertTrue(lease.retired());
        assertEquals(0, lease.freeMicros());
        assertArrayEquals(new long[] {0, 0}, lease.takeFree(), "nothing more to give");
    }

    @Test
    void closesWhenIdleLongEnoughAndNothingInFlight() {
        NodeLease lease = lease(100);
        lease.tryReserve(10, T0);
        assertEquals(-1, lease.retireIfIdle(T0 + 20 * VALID, VALID), "a call in flight");
        lease.released(10);
        assertEquals(-1, lease.retireIfIdle(T0 + 1, VALID), "used just now");
        assertEquals(100, lease.retireIfIdle(T0 + VALID, VALID));
        assertFalse(lease.tryReserve(1, T0));
    }
}
