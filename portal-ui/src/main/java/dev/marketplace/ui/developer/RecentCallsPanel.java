package dev.marketplace.ui.developer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.marketplace.metering.application.GenerationSummary;
import dev.marketplace.ui.shell.Formats;
import java.util.List;

/** The developer's latest calls, newest first: what ran where, how many tokens, what it cost and how long it took. */
class RecentCallsPanel extends Div {

    /** The query reads the newest rows only; a paged history belongs in a usage export, not here. */
    static final int SHOWN_CALLS = 100;

    private final Grid<GenerationSummary> grid = new Grid<>();
    private final Button refresh = new Button("Refresh");

    RecentCallsPanel() {
        refresh.setId("recent-calls-refresh");
        HorizontalLayout header = new HorizontalLayout(new H2("Recent calls"), refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("recent-calls-grid");
        grid.addColumn(call -> Formats.time(call.createdAt())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(GenerationSummary::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(GenerationSummary::provider).setHeader("Provider").setAutoWidth(true);
        number(grid.addColumn(GenerationSummary::promptTokens).setHeader("Tokens in"));
        number(grid.addColumn(GenerationSummary::completionTokens).setHeader("Tokens out"));
        number(grid.addColumn(call -> Formats.usd(call.costMicros())).setHeader("Cost (USD)"));
        number(grid.addColumn(GenerationSummary::latencyMs).setHeader("Latency (ms)"));
        grid.addColumn(GenerationSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(call -> call.streamed() ? "yes" : "no").setHeader("Streamed").setAutoWidth(true);
        grid.setEmptyStateText("No calls yet.");

        Paragraph note = new Paragraph("The latest " + SHOWN_CALLS + " calls.");
        note.addClassName("portal-note");
        add(header, grid, note);
    }

    /** What the Refresh button re-reads: the calls, and the credit they used. */
    void onRefresh(Runnable action) {
        refresh.addClickListener(event -> action.run());
    }

    void show(List<GenerationSummary> calls) {
        grid.setItems(calls);
    }

    private static void number(Grid.Column<GenerationSummary> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
