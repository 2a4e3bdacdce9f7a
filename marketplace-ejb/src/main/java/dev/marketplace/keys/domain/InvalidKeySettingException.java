package dev.marketplace.keys.domain;

/** A key setting the rules refuse; names the request parameter at fault so the API can answer 400 with it. */
public class InvalidKeySettingException extends IllegalArgumentException {
    private final String param;

    public InvalidKeySettingException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
