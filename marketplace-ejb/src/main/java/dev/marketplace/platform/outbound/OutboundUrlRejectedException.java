package dev.marketplace.platform.outbound;

/** A URL we will not call, with a message that says which rule refused it (shown to the provider as is). */
public class OutboundUrlRejectedException extends RuntimeException {
    public OutboundUrlRejectedException(String message) {
        super(message);
    }
}
