package dev.marketplace.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.reconciliation.Difference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scaled-down month (SIMULATE_CALLS, default 5,000 here; a few providers and developers) through the same code as
 * {@code ./marketplace simulate-month}: reconciliation must find exactly the five injected discrepancies, each in its
 * class, nothing else, and end at zero unexplained difference with balanced books.
 */
class SimulateMonthTest {

    @Test
    void reconciliationFindsExactlyTheFiveInjectedDiscrepancies() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putIfAbsent("SIMULATE_CALLS", "5000");
        env.putIfAbsent("SIMULATE_PROVIDERS", "6");
        env.putIfAbsent("SIMULATE_DEVELOPERS", "12");
        env.putIfAbsent("SIMULATE_THREADS", "16");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SimulateMonth.Result result = new SimulateMonth(SimulationSettings.fromEnvironment(env),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);

        assertEquals(List.of(), result.unexpected().stream().map(Difference::joinKey).toList(), output);
        assertEquals(Set.of("missing_in_ledger charge", "missing_at_stripe charge", "amount_differs fee",
                "timing charge", "usage_without_journal usage"), result.found().stream()
                .map(d -> d.differenceClass().dbValue() + " " + d.component().dbValue()).collect(Collectors.toSet()),
                output);
        for (Discrepancies.Injected injected : result.injected()) {
            assertTrue(result.found().stream().anyMatch(injected::matches), "not found: " + injected.name());
        }
        assertEquals(0, result.unexplainedAfterResolution());
        assertEquals(0, result.unexplainedNextPeriod(), "the carried timing is explained in the next period");
        assertTrue(result.booksOk());
        assertTrue(result.calls() > 4_000, "calls charged: " + result.calls());
        assertTrue(output.contains("unexplained differences: 0"), output);
        assertTrue(output.matches("(?s).*\\[ran] statements prepared by finance, approved by finance2, paid by Stripe "
                + "Transfer: [1-9]\\d* transfers.*"), output);
        assertTrue(output.contains("[ran] a reversed transfer: reversed"), output);
    }
}
