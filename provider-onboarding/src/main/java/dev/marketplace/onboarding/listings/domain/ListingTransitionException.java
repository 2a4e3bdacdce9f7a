package dev.marketplace.onboarding.listings.domain;

/** A listing action that its current state does not allow; the message says why, for the person who asked. */
public class ListingTransitionException extends RuntimeException {
    public ListingTransitionException(String message) {
        super(message);
    }
}
