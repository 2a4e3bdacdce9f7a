package dev.marketplace.routing.upstream;

/**
 * An upstream call that failed. {@code status} is the upstream's HTTP status, or 0 when no reply came (connect
 * error, timeout). {@code committed} is true once any chunk reached the client: then there is no failover.
 */
public class UpstreamException extends Exception {
    private final int status;
    private final boolean committed;

    public UpstreamException(int status, String message, boolean committed, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.committed = committed;
    }

    public int status() {
        return status;
    }

    public boolean committed() {
        return committed;
    }

    /** The upstream's own failure (no reply, timeout, rate limit, server error), not a request it rightly refused. */
    public boolean upstreamsFault() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    /** Worth trying the next endpoint: nothing sent to the client yet and the failure is the upstream's. */
    public boolean retryable() {
        return !committed && upstreamsFault();
    }
}
