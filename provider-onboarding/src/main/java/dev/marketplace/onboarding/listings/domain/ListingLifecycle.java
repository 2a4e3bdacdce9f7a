package dev.marketplace.onboarding.listings.domain;

import java.util.Map;
import java.util.Set;

/**
 * The listing lifecycle: draft → pending (the provider submits; its latest finished probe passed and its model is
 * in the registry) → live (an admin approves the first publication) ⇄ paused (the provider; resuming needs a passed
 * latest probe again, since three failed probes pause a listing) → retired (final). An admin rejects a pending
 * listing back to draft, suspends any listing that is not retired, and lifting a suspension returns it to paused
 * when it had been published (the provider resumes it) or to draft when not. Only live listings are routed.
 */
public final class ListingLifecycle {

    public static final String DRAFT = "draft";
    public static final String PENDING = "pending";
    public static final String LIVE = "live";
    public static final String PAUSED = "paused";
    public static final String RETIRED = "retired";
    public static final String SUSPENDED = "suspended";

    private static final Map<ListingAction, Set<String>> FROM = Map.of(
            ListingAction.SUBMIT, Set.of(DRAFT),
            ListingAction.APPROVE, Set.of(PENDING),
            ListingAction.REJECT, Set.of(PENDING),
            ListingAction.PAUSE, Set.of(LIVE),
            ListingAction.RESUME, Set.of(PAUSED),
            ListingAction.RETIRE, Set.of(DRAFT, PENDING, LIVE, PAUSED),
            ListingAction.SUSPEND, Set.of(DRAFT, PENDING, LIVE, PAUSED),
            ListingAction.LIFT, Set.of(SUSPENDED));

    private ListingLifecycle() {
    }

    /** The status after {@code action}, or {@link ListingTransitionException} saying why it is not allowed now. */
    public static String next(ListingFacts facts, ListingAction action) {
        if (!FROM.get(action).contains(facts.status())) {
            throw new ListingTransitionException(refusal(facts, action));
        }
        return switch (action) {
            case SUBMIT, APPROVE -> {
                requireModelAccepted(facts, action);
                requireProbePassed(facts, action);
                yield action == ListingAction.SUBMIT ? PENDING : LIVE;
            }
            case RESUME -> {
                requireProbePassed(facts, action);
                yield LIVE;
            }
            case REJECT -> DRAFT;
            case PAUSE -> PAUSED;
            case RETIRE -> RETIRED;
            case SUSPEND -> SUSPENDED;
            case LIFT -> facts.published() ? PAUSED : DRAFT;
        };
    }

    private static void requireProbePassed(ListingFacts facts, ListingAction action) {
        if (!facts.probePassed()) {
            throw new ListingTransitionException("Cannot " + action.verb() + " the listing: "
                    + (facts.latestProbeStatus() == null ? "it has not been verified yet"
                    : "its latest verification probe " + facts.latestProbeStatus())
                    + "; run the verification probe and " + action.verb() + " it when the probe passes");
        }
    }

    private static void requireModelAccepted(ListingFacts facts, ListingAction action) {
        if (!facts.modelAccepted()) {
            throw new ListingTransitionException("Cannot " + action.verb() + " the listing: its model is a registry "
                    + "proposal that an admin has " + ("rejected".equals(facts.modelRegistryStatus()) ? "rejected"
                    : "not accepted yet"));
        }
    }

    private static String refusal(ListingFacts facts, ListingAction action) {
        String why = switch (facts.status()) {
            case RETIRED -> "it is retired, which is final";
            case SUSPENDED -> "an administrator suspended it" + (action.adminOnly() ? "" : "; only an administrator can lift that");
            default -> "it is " + facts.status() + " (allowed only when "
                    + String.join(" or ", FROM.get(action).stream().sorted().toList()) + ")";
        };
        return "Cannot " + action.verb() + " the listing: " + why;
    }
}
