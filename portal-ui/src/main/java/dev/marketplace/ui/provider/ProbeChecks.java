package dev.marketplace.ui.provider;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import dev.marketplace.ui.shell.Formats;
import java.util.Map;
import java.util.stream.Collectors;

/** One run's checks in order: ✔ passed, ✘ failed (with the message and numbers), … still to come while running. */
final class ProbeChecks {
    private ProbeChecks() {
    }

    static Div of(ProbeRun run) {
        Div box = new Div();
        box.setId("probe-run-" + run.id());
        box.add(new Paragraph("Run " + run.id() + " (" + run.trigger() + ", started " + Formats.time(run.startedAt())
                + "): " + run.status()));
        UnorderedList list = new UnorderedList();
        list.setId("probe-checks");
        Map<Check, CheckResult> done = run.report().results().stream()
                .collect(Collectors.toMap(CheckResult::check, r -> r, (a, b) -> b));
        for (Check check : Check.values()) {
            CheckResult r = done.get(check);
            String line;
            if (r == null) {
                line = (run.running() ? "… " : "– ") + check.title() + (run.running() ? ": running" : ": not run");
            } else {
                line = (r.passed() ? "✔ " : "✘ ") + check.title() + ": " + r.message() + numbers(r);
            }
            ListItem item = new ListItem(line);
            item.setId("probe-check-" + check.id());
            item.getElement().setAttribute("data-state", r == null ? "pending" : r.passed() ? "passed" : "failed");
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private static String numbers(CheckResult r) {
        if (r.numbers().isEmpty()) {
            return "";
        }
        return " (" + r.sortedNumbers().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
