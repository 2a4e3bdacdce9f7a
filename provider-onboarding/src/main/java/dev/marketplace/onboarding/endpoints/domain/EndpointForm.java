package dev.marketplace.onboarding.endpoints.domain;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a provider enters for an endpoint. {@code apiKey} blank on an edit keeps the stored key; {@code null} limits
 * mean unlimited. {@link #errors(boolean)} lists every field that is not acceptable (the URLs' reachability rules
 * are the outbound guard's, checked by the service).
 */
public record EndpointForm(String name, String baseUrl, String protocol, String apiKey, Integer maxConcurrency,
                           Integer maxRequestsPerMinute, String dataRetention, Integer timeoutMs, String listModelsUrl) {

    public static final Set<String> PROTOCOLS = Set.of("openai", "anthropic");
    public static final Set<String> RETENTIONS = Set.of("none", "logs_prompts");
    public static final int MIN_TIMEOUT_MS = 1_000;
    public static final int MAX_TIMEOUT_MS = 600_000;
    public static final int MAX_CONCURRENCY = 100_000;
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;
    private static final int MAX_KEY_CHARS = 4_096;

    public EndpointForm {
        name = trim(name);
        baseUrl = trim(baseUrl);
        protocol = trim(protocol);
        apiKey = apiKey == null ? "" : apiKey.strip();
        dataRetention = trim(dataRetention);
        listModelsUrl = trim(listModelsUrl);
    }

    public boolean hasNewKey() {
        return !apiKey.isEmpty();
    }

    public boolean hasListModelsUrl() {
        return !listModelsUrl.isEmpty();
    }

    /** @param creating a new endpoint needs a key; an edit without one keeps the stored key */
    public List<FieldError> errors(boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (name.length() < 2 || name.length() > 100) {
            errors.add(new FieldError("name", "Between 2 and 100 characters"));
        }
        if (baseUrl.length() < 8 || baseUrl.length() > 2_000) {
            errors.add(new FieldError("baseUrl", "Enter the endpoint's base URL, such as https://api.example.com/v1"));
        }
        if (!PROTOCOLS.contains(protocol)) {
            errors.add(new FieldError("protocol", "Choose OpenAI-compatible or Anthropic"));
        }
        if (creating && !hasNewKey()) {
            errors.add(new FieldError("apiKey", "Enter the key we send upstream (it is stored encrypted and never shown again)"));
        }
        if (apiKey.length() > MAX_KEY_CHARS || apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            errors.add(new FieldError("apiKey", "At most " + MAX_KEY_CHARS + " printable characters without spaces"));
        }
        range(errors, "maxConcurrency", maxConcurrency, 0, MAX_CONCURRENCY, "0 takes no traffic");
        range(errors, "maxRequestsPerMinute", maxRequestsPerMinute, 1, MAX_REQUESTS_PER_MINUTE, null);
        if (!RETENTIONS.contains(dataRetention)) {
            errors.add(new FieldError("dataRetention", "Say whether the endpoint keeps prompts: none or logs_prompts"));
        }
        if (timeoutMs == null || timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS) {
            errors.add(new FieldError("timeoutMs", "Between " + MIN_TIMEOUT_MS + " and " + MAX_TIMEOUT_MS + " ms"));
        }
        if (hasListModelsUrl() && (listModelsUrl.length() < 8 || listModelsUrl.length() > 2_000)) {
            errors.add(new FieldError("listModelsUrl", "Enter a URL such as https://api.example.com/v1/models, or leave it empty"));
        }
        return errors;
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max, String note) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, "Between " + min + " and " + max + (note == null ? "" : " (" + note + ")")
                    + ", or empty for no limit"));
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
