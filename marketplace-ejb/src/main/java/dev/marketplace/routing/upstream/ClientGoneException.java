package dev.marketplace.routing.upstream;

/** The client stopped listening in the middle of a stream. */
public class ClientGoneException extends Exception {
    public ClientGoneException(Throwable cause) {
        super("client disconnected", cause);
    }
}
