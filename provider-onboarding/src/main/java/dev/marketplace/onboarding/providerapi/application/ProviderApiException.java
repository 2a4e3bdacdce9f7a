package dev.marketplace.onboarding.providerapi.application;

/**
 * A refused provider API request: its HTTP status, OpenAI's error type and the field at fault (or null). The API maps
 * it to the one error shape; the portal shows its message beside the field.
 */
public class ProviderApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;

    public ProviderApiException(int status, String type, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
    }

    public static ProviderApiException badRequest(String message, String param) {
        return new ProviderApiException(400, "invalid_request_error", message, param);
    }

    public static ProviderApiException unauthorized(String message) {
        return new ProviderApiException(401, "authentication_error", message, null);
    }

    /** Unknown and someone else's ids alike, so the answer never tells that an id exists. */
    public static ProviderApiException notFound(String what) {
        return new ProviderApiException(404, "not_found_error", "No " + what + " with that id", null);
    }

    public static ProviderApiException conflict(String message, String param) {
        return new ProviderApiException(409, "conflict_error", message, param);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String param() { return param; }
}
