package dev.marketplace.billing.settlements;

/** The finance user who prepared a statement tried to approve it too. */
public class FourEyesException extends StatementStateException {

    private static final long serialVersionUID = 1L;

    public FourEyesException(String message) {
        super(message);
    }
}
