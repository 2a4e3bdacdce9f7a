package dev.marketplace.onboarding.verification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges reported usage against the tokenizer: each reported figure (prompt and completion tokens of each call) must
 * be within ±35% of the count, boundaries included: |reported − counted| × 100 ≤ 35 × counted, in integers. A call
 * that reported no usage, or no token counts, fails the check; so does a call that never answered.
 */
public final class UsageTolerance {
    public static final int TOLERANCE_PERCENT = 35;

    private UsageTolerance() {
    }

    public static boolean within(long reported, long counted) {
        return Math.abs(reported - counted) * 100 <= TOLERANCE_PERCENT * counted;
    }

    /** The deviation in whole percent, rounded towards zero (+200 for three times the count). */
    static long deviationPercent(long reported, long counted) {
        return counted == 0 ? (reported == 0 ? 0 : 100) : (reported - counted) * 100 / counted;
    }

    public static CheckResult judge(String tokenizer, List<UsageSample> samples) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (UsageSample s : samples) {
            String key = s.label().replace('-', '_');
            if (s.callFailed()) {
                problems.add("the " + s.label() + " call failed, so its usage could not be checked");
                continue;
            }
            if (s.reportedPrompt() == null || s.reportedCompletion() == null) {
                problems.add("the " + s.label() + " reply reported no usage (prompt_tokens and completion_tokens)");
                continue;
            }
            compare(problems, numbers, s.label(), key + "_prompt", s.reportedPrompt(), s.countedPrompt(), tokenizer);
            compare(problems, numbers, s.label(), key + "_completion", s.reportedCompletion(), s.countedCompletion(),
                    tokenizer);
        }
        if (problems.isEmpty()) {
            return CheckResult.pass(Check.USAGE, "Reported usage is within ±" + TOLERANCE_PERCENT + "% of the "
                    + tokenizer + " tokenizer's count", numbers);
        }
        return CheckResult.fail(Check.USAGE, "Usage check failed (tokenizer " + tokenizer + ", tolerance ±"
                + TOLERANCE_PERCENT + "%): " + String.join("; ", problems), numbers);
    }

    private static void compare(List<String> problems, Map<String, Long> numbers, String label, String key,
                                long reported, long counted, String tokenizer) {
        numbers.put(key + "_reported", reported);
        numbers.put(key + "_counted", counted);
        if (!within(reported, counted)) {
            String figure = key.endsWith("_prompt") ? "prompt_tokens" : "completion_tokens";
            long deviation = deviationPercent(reported, counted);
            problems.add("the " + label + " reply reported " + figure + " " + reported + " where " + tokenizer
                    + " counts " + counted + " (" + (deviation > 0 ? "+" : "") + deviation + "%)");
        }
    }
}
