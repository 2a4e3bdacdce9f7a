package dev.marketplace.routing.upstream;

/**
 * An endpoint was not called because it is at its capacity (calls in flight or requests per minute): the next
 * route is tried, the endpoint's health is not touched (it did nothing wrong), and when every route is at capacity
 * the caller gets 429 with {@link #retryAfterSeconds()}.
 */
public class EndpointAtCapacityException extends UpstreamException {
    private final long retryAfterSeconds;

    public EndpointAtCapacityException(String message, long retryAfterSeconds) {
        super(429, message, false, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public boolean upstreamsFault() {
        return false;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
