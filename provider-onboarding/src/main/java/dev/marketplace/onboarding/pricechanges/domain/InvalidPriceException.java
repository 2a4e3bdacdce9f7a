package dev.marketplace.onboarding.pricechanges.domain;

/** A price or price change that breaks a rule; {@link #field()} names the request field at fault. */
public class InvalidPriceException extends RuntimeException {
    private final String field;

    public InvalidPriceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
