package dev.marketplace.routing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.routing.domain.Route;
import org.junit.jupiter.api.Test;

class EndpointCapacityTest {
    static Route.Endpoint endpoint(long id, Integer concurrency, Integer perMinute) {
        return new Route.Endpoint(id, "openai", "http://x", null, 1000, "unknown", concurrency, perMinute);
    }

    @Test
    void concurrencyLimitHoldsUntilAPermitIsReleasedOnce() {
        EndpointCapacity capacity = new EndpointCapacity();
        Route.Endpoint two = endpoint(1, 2, null);
        EndpointCapacity.Permit a = capacity.tryAcquire(two);
        EndpointCapacity.Permit b = capacity.tryAcquire(two);
        assertNotNull(a);
        assertNotNull(b);
        assertFalse(capacity.hasRoom(two));
        assertNull(capacity.tryAcquire(two), "a third call in flight is refused");
        a.release();
        a.release(); // a second release must not free a second slot
        assertTrue(capacity.hasRoom(two));
        assertNotNull(capacity.tryAcquire(two));
        assertNull(capacity.tryAcquire(two), "the double release freed only one slot");
        assertEquals(1, capacity.retryAfterSeconds(two));
    }

    @Test
    void requestsPerMinuteRefuseTheNextCallAndSayHowLongToWait() {
        EndpointCapacity capacity = new EndpointCapacity();
        Route.Endpoint perMinute = endpoint(2, null, 2);
        capacity.tryAcquire(perMinute).release();
        capacity.tryAcquire(perMinute).release();
        assertFalse(capacity.hasRoom(perMinute));
        assertNull(capacity.tryAcquire(perMinute), "a released permit does not give back a per-minute token");
        long wait = capacity.retryAfterSeconds(perMinute);
        assertTrue(wait >= 29 && wait <= 30, "one token of 2 per minute refills in 30 s: " + wait);
    }

    @Test
    void unlimitedAndDrainedEndpoints() {
        EndpointCapacity capacity = new EndpointCapacity();
        Route.Endpoint unlimited = endpoint(3, null, null);
        for (int i = 0; i < 1_000; i++) {
            assertNotNull(capacity.tryAcquire(unlimited));
        }
        Route.Endpoint drained = endpoint(4, 0, null);
        assertNull(capacity.tryAcquire(drained));
        assertFalse(EndpointCapacity.canEverServe(drained));
        assertTrue(EndpointCapacity.canEverServe(unlimited));
    }
}
