package dev.marketplace.routing.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes {@link EndpointSpeeds} every {@value #EVERY_SECONDS} seconds. A failed read keeps the last speeds
 * (routing by speed degrades to slightly stale numbers, never to an error) and is logged.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EndpointSpeedsRefresh {
    static final int EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(EndpointSpeedsRefresh.class.getName());

    @Inject
    EndpointSpeeds speeds;

    @Schedule(hour = "*", minute = "*", second = "*/" + EVERY_SECONDS, persistent = false)
    void refresh() {
        try {
            speeds.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh endpoint speeds; routing keeps the previous ones", e);
        }
    }
}
