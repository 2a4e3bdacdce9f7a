package dev.marketplace.platform.outbound;

/** How much a guarded fetch may read and how long it may take, in bytes and milliseconds. */
public record FetchLimits(long maxBodyBytes, long connectTimeoutMs, long totalTimeoutMs) {

    /** List Models documents: 10 MB, 5 s to connect, 30 s in all. */
    public static final FetchLimits LIST_MODELS = new FetchLimits(10L * 1024 * 1024, 5_000, 30_000);

    public FetchLimits {
        if (maxBodyBytes <= 0 || connectTimeoutMs <= 0 || totalTimeoutMs <= 0) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }
}
