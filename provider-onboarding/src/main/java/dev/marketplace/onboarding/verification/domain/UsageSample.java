package dev.marketplace.onboarding.verification.domain;

/**
 * What one call reported as usage (null: not reported) next to what the tokenizer counts for the same prompt and
 * completion. {@code label} names the call ("non-streaming", "streaming"); {@code callFailed} says it never answered.
 */
public record UsageSample(String label, Long reportedPrompt, Long reportedCompletion, long countedPrompt,
                          long countedCompletion, boolean callFailed) {

    public static UsageSample failedCall(String label) {
        return new UsageSample(label, null, null, 0, 0, true);
    }
}
