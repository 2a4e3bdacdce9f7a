package dev.marketplace.routing.upstream;

/**
 * What an upstream protocol does with a stream of server-sent events that {@link UpstreamHttp#stream} reads
 * for it: turn each event's data into chunks, say when the stream is complete, and map a refused request or a
 * stream that ended early to an {@link UpstreamException}.
 *
 * @param <T> what a complete stream yields (the usage the upstream reported)
 */
public interface SseListener<T> {
    /** One event's data (several data lines joined by newlines). Returns true when it completed the stream. */
    boolean event(String data) throws UpstreamException, ClientGoneException;

    /** The result once {@link #event} returned true. */
    T result();

    /** True once any chunk went on to the client: from then on there is no failover. */
    boolean committed();

    /** The upstream answered with a non-2xx status and this (bounded) body. */
    UpstreamException refused(int status, String body);

    /** The body ended before an event completed the stream. */
    UpstreamException endedEarly();

    /** Flow control: runs {@code resume} once the receiver can take more events. */
    void whenReady(Runnable resume);
}
