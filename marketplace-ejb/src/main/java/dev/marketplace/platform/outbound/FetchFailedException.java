package dev.marketplace.platform.outbound;

/** A guarded fetch that did not bring back a usable body: refused, redirected, too large, too slow or not 200. */
public class FetchFailedException extends RuntimeException {
    public FetchFailedException(String message) {
        super(message);
    }

    public FetchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
