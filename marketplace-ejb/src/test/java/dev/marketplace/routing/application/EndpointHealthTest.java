package dev.marketplace.routing.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointHealthTest {
    @Test
    void aFailureCoolsTheEndpointDownForThirtySecondsUnlessItSucceeds() {
        EndpointHealth health = new EndpointHealth();
        long now = System.nanoTime();
        assertFalse(health.coolingDown(7, now), "no failure seen");
        health.failed(7);
        assertTrue(health.coolingDown(7, System.nanoTime()));
        assertTrue(health.coolingDown(7, System.nanoTime() + EndpointHealth.COOL_DOWN_NANOS - 1_000_000_000L));
        assertFalse(health.coolingDown(7, System.nanoTime() + EndpointHealth.COOL_DOWN_NANOS + 1));
        assertFalse(health.coolingDown(8, System.nanoTime()), "other endpoints are not affected");
        health.succeeded(7);
        assertFalse(health.coolingDown(7, System.nanoTime()), "a success ends the cool-down");
    }
}
