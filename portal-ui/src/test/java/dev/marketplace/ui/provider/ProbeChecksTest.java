package dev.marketplace.ui.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeChecksTest {

    private static List<ListItem> items(Div box) {
        UnorderedList list = (UnorderedList) box.getChildren().filter(c -> c instanceof UnorderedList).findFirst()
                .orElseThrow();
        return list.getChildren().map(c -> (ListItem) c).toList();
    }

    private static String state(Component item) {
        return item.getElement().getAttribute("data-state");
    }

    @Test
    void aRunningRunTicksOffWhatIsKnownAndShowsTheRestAsRunning() {
        ProbeReport partial = ProbeReport.empty().with(CheckResult.pass(Check.PROTOCOL, "fine", Map.of()))
                .with(CheckResult.fail(Check.COMPLETION, "no text", Map.of("completion_ms", 12L)));
        List<ListItem> items = items(ProbeChecks.of(new ProbeRun(1, 2, "provider", "running", partial, null,
                Instant.EPOCH, null)));
        assertEquals(List.of("passed", "failed", "pending", "pending", "pending"),
                items.stream().map(ProbeChecksTest::state).toList());
        assertTrue(items.get(1).getText().startsWith("✘ Answers a completion: no text (completion_ms 12)"),
                items.get(1).getText());
        assertTrue(items.get(2).getText().endsWith(": running"));
    }

    @Test
    void aFinishedRunSaysWhichChecksNeverRan() {
        ProbeReport crashed = ProbeReport.empty().with(CheckResult.fail(Check.PROTOCOL, "refused by the guard"));
        List<ListItem> items = items(ProbeChecks.of(new ProbeRun(1, 2, "schedule", "failed", crashed, null,
                Instant.EPOCH, Instant.EPOCH)));
        assertTrue(items.get(4).getText().endsWith(": not run"), items.get(4).getText());
    }
}
