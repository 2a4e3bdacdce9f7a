package dev.marketplace.stripestub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API error in Stripe's shape, {@code {"error":{"type","code","message","param","decline_code",…}}}, with
 * Stripe's HTTP status: 400 invalid_request_error and idempotency_error, 401 for a bad key, 402 card_error,
 * 404 resource_missing.
 */
final class StripeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final String code;
    final String param;
    final String declineCode;
    /** Extra fields Stripe puts beside the error's own ones (e.g. the failed payment_intent). */
    final transient Map<String, Object> extra = new LinkedHashMap<>();

    StripeError(int status, String type, String code, String message, String param, String declineCode) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.declineCode = declineCode;
    }

    static StripeError invalid(String message, String param) {
        return new StripeError(400, "invalid_request_error", param == null ? null : "parameter_invalid", message,
                param, null);
    }

    static StripeError missingParam(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param, null);
    }

    static StripeError noSuch(String kind, String id, String param) {
        return new StripeError(404, "invalid_request_error", "resource_missing",
                "No such " + kind + ": '" + id + "'", param, null);
    }

    static StripeError unauthorized(String message) {
        return new StripeError(401, "invalid_request_error", null, message, null, null);
    }

    StripeError with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", getMessage());
        error.put("param", param);
        error.put("decline_code", declineCode);
        error.putAll(extra);
        return Map.of("error", error);
    }
}
