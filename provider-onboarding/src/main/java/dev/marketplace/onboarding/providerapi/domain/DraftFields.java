package dev.marketplace.onboarding.providerapi.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the descriptive fields of a draft listing; each failure names its field (the API's {@code param}).
 * Quantization values are OpenRouter's; parameter names are lower-case OpenRouter names, as routing compares them.
 */
public final class DraftFields {
    public static final Set<String> QUANTIZATIONS = Set.of("int4", "int8", "fp4", "fp6", "fp8", "fp16", "bf16", "fp32",
            "unknown");
    public static final int MAX_PARAMETERS = 64;
    private static final Pattern PARAMETER = Pattern.compile("[a-z_]{1,64}");

    private DraftFields() {
    }

    /** The provider's own model id, trimmed: 1 to 200 characters. */
    public static String upstreamModel(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidDraftException("upstream_model", "upstream_model must be 1 to 200 characters");
        }
        return trimmed;
    }

    public static String quantization(String value) {
        if (value != null && !QUANTIZATIONS.contains(value)) {
            throw new InvalidDraftException("quantization", "quantization must be one of " + QUANTIZATIONS.stream().sorted().toList());
        }
        return value;
    }

    public static List<String> supportedParameters(List<String> names) {
        if (names == null) {
            return null;
        }
        if (names.size() > MAX_PARAMETERS) {
            throw new InvalidDraftException("supported_parameters", "at most " + MAX_PARAMETERS + " parameters");
        }
        for (String name : names) {
            if (name == null || !PARAMETER.matcher(name).matches()) {
                throw new InvalidDraftException("supported_parameters",
                        "supported_parameters holds lower-case parameter names such as \"max_tokens\": " + name);
            }
        }
        return names.stream().distinct().sorted().toList();
    }
}
