package dev.marketplace.onboarding.listings.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingLifecycleTest {

    private static ListingFacts facts(String status) {
        return new ListingFacts(status, false, "passed", "accepted");
    }

    @Test
    void everyAllowedTransitionAndItsTarget() {
        record Case(String from, boolean published, ListingAction action, String to) {
        }
        List<Case> cases = List.of(
                new Case("draft", false, ListingAction.SUBMIT, "pending"),
                new Case("pending", false, ListingAction.APPROVE, "live"),
                new Case("pending", false, ListingAction.REJECT, "draft"),
                new Case("live", true, ListingAction.PAUSE, "paused"),
                new Case("paused", true, ListingAction.RESUME, "live"),
                new Case("draft", false, ListingAction.RETIRE, "retired"),
                new Case("pending", false, ListingAction.RETIRE, "retired"),
                new Case("live", true, ListingAction.RETIRE, "retired"),
                new Case("paused", true, ListingAction.RETIRE, "retired"),
                new Case("draft", false, ListingAction.SUSPEND, "suspended"),
                new Case("live", true, ListingAction.SUSPEND, "suspended"),
                new Case("paused", true, ListingAction.SUSPEND, "suspended"),
                new Case("pending", false, ListingAction.SUSPEND, "suspended"),
                new Case("suspended", true, ListingAction.LIFT, "paused"),
                new Case("suspended", false, ListingAction.LIFT, "draft"));
        for (Case c : cases) {
            assertEquals(c.to(), ListingLifecycle.next(new ListingFacts(c.from(), c.published(), "passed", "accepted"), c.action()),
                    c.toString());
        }
    }

    @Test
    void everyOtherTransitionIsRefusedWithTheReason() {
        Map<String, List<ListingAction>> allowed = Map.of(
                "draft", List.of(ListingAction.SUBMIT, ListingAction.RETIRE, ListingAction.SUSPEND),
                "pending", List.of(ListingAction.APPROVE, ListingAction.REJECT, ListingAction.RETIRE, ListingAction.SUSPEND),
                "live", List.of(ListingAction.PAUSE, ListingAction.RETIRE, ListingAction.SUSPEND),
                "paused", List.of(ListingAction.RESUME, ListingAction.RETIRE, ListingAction.SUSPEND),
                "suspended", List.of(ListingAction.LIFT),
                "retired", List.of());
        int refused = 0;
        for (var status : allowed.entrySet()) {
            for (ListingAction action : ListingAction.values()) {
                if (status.getValue().contains(action)) {
                    continue;
                }
                ListingTransitionException e = assertThrows(ListingTransitionException.class,
                        () -> ListingLifecycle.next(facts(status.getKey()), action), status.getKey() + " " + action);
                assertTrue(e.getMessage().startsWith("Cannot " + action.verb() + " the listing: "), e.getMessage());
                refused++;
            }
        }
        assertEquals(6 * 8 - 14, refused);
    }

    @Test
    void retiredIsFinalAndSaysSo() {
        assertEquals("Cannot resume the listing: it is retired, which is final",
                assertThrows(ListingTransitionException.class,
                        () -> ListingLifecycle.next(facts("retired"), ListingAction.RESUME)).getMessage());
        assertEquals("Cannot submit the listing: it is live (allowed only when draft)",
                assertThrows(ListingTransitionException.class,
                        () -> ListingLifecycle.next(facts("live"), ListingAction.SUBMIT)).getMessage());
        assertTrue(assertThrows(ListingTransitionException.class,
                () -> ListingLifecycle.next(facts("suspended"), ListingAction.RESUME)).getMessage()
                .contains("only an administrator can lift that"));
    }

    @Test
    void submitApproveAndResumeNeedALatestProbeThatPassed() {
        for (String probe : new String[] {null, "failed"}) {
            for (var step : List.of(Map.entry("draft", ListingAction.SUBMIT), Map.entry("pending", ListingAction.APPROVE),
                    Map.entry("paused", ListingAction.RESUME))) {
                ListingTransitionException e = assertThrows(ListingTransitionException.class, () -> ListingLifecycle.next(
                        new ListingFacts(step.getKey(), true, probe, "accepted"), step.getValue()));
                assertTrue(e.getMessage().contains(probe == null ? "has not been verified yet" : "latest verification probe failed"),
                        e.getMessage());
            }
        }
        assertEquals("paused", ListingLifecycle.next(new ListingFacts("live", true, "failed", "accepted"), ListingAction.PAUSE),
                "pausing never needs a probe");
    }

    @Test
    void aListingOfAModelNotYetAcceptedCannotBeSubmittedOrApproved() {
        for (String registry : new String[] {"proposed", "rejected"}) {
            ListingTransitionException e = assertThrows(ListingTransitionException.class,
                    () -> ListingLifecycle.next(new ListingFacts("draft", false, "passed", registry), ListingAction.SUBMIT));
            assertTrue(e.getMessage().contains(registry.equals("proposed") ? "not accepted yet" : "rejected"), e.getMessage());
            assertThrows(ListingTransitionException.class,
                    () -> ListingLifecycle.next(new ListingFacts("pending", false, "passed", registry), ListingAction.APPROVE));
        }
    }
}
