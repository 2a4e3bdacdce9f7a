package dev.marketplace.onboarding.verification.application;

/** A probe that cannot be started: not the user's listing (or no such listing), or a run is already running. */
public class ProbeRefusedException extends RuntimeException {
    public ProbeRefusedException(String message) {
        super(message);
    }
}
