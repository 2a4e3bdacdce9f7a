package dev.marketplace.billing.connect;

/** The payment provider refused a Connect request or could not be reached; nothing changed on our side. */
public class ConnectedAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectedAccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
