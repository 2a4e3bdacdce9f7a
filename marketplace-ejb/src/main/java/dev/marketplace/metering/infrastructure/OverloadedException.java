package dev.marketplace.metering.infrastructure;

/** The ledger writer's queue is full (or it is stopping): the request is refused before anything happened. */
public class OverloadedException extends RuntimeException {
    public OverloadedException(String message) {
        super(message);
    }
}
