package dev.marketplace.ui.developer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.marketplace.developers.application.DeveloperSummary;
import dev.marketplace.ui.shell.Formats;

/** The developer's credit: the ledger balance, and what is left after the holds of calls in flight. */
class CreditPanel extends Div {

    private final Span balance = new Span();
    private final Span available = new Span();

    CreditPanel() {
        addClassName("portal-figures");
        balance.setId("balance");
        available.setId("available");
        add(figure("Balance", balance), figure("Available to spend", available));
    }

    void show(DeveloperSummary summary) {
        balance.setText(Formats.usd(summary.balanceMicros()));
        available.setText(Formats.usd(summary.availableMicros()));
    }

    private static Div figure(String label, Span value) {
        Span caption = new Span(label);
        caption.addClassName("label");
        value.addClassName("value");
        Div figure = new Div(caption, value);
        figure.addClassName("portal-figure");
        return figure;
    }
}
