package dev.marketplace.keys.application;

/**
 * A request about keys or a key's account that is refused: the HTTP status it deserves, OpenAI's error type and the
 * request parameter at fault (or null). The API maps it to its one error shape.
 */
public class KeyRequestException extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;

    public KeyRequestException(int status, String type, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
    }

    public static KeyRequestException badRequest(String message, String param) {
        return new KeyRequestException(400, "invalid_request_error", message, param);
    }

    public static KeyRequestException unauthorized(String message) {
        return new KeyRequestException(401, "authentication_error", message, null);
    }

    public static KeyRequestException forbidden(String message) {
        return new KeyRequestException(403, "permission_error", message, null);
    }

    public static KeyRequestException notFound(String message, String param) {
        return new KeyRequestException(404, "invalid_request_error", message, param);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String param() { return param; }
}
