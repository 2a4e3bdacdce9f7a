package dev.marketplace.onboarding.verification.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** One check's outcome: passed or not, a message a provider can act on, and the numbers measured (by name). */
public record CheckResult(Check check, boolean passed, String message, Map<String, Long> numbers) {

    public CheckResult {
        numbers = Map.copyOf(numbers);
    }

    public static CheckResult pass(Check check, String message, Map<String, Long> numbers) {
        return new CheckResult(check, true, message, numbers);
    }

    public static CheckResult fail(Check check, String message, Map<String, Long> numbers) {
        return new CheckResult(check, false, message, numbers);
    }

    public static CheckResult fail(Check check, String message) {
        return fail(check, message, Map.of());
    }

    /** Numbers in a stable order (insertion order is lost in {@link Map#copyOf}). */
    public Map<String, Long> sortedNumbers() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        numbers.keySet().stream().sorted().forEach(k -> sorted.put(k, numbers.get(k)));
        return sorted;
    }
}
