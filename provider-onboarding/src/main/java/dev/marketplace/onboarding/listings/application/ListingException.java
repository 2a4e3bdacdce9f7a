package dev.marketplace.onboarding.listings.application;

/** A listing request refused (no such listing of yours, nothing to import from…); the message is for the user. */
public class ListingException extends RuntimeException {
    public ListingException(String message) {
        super(message);
    }
}
