package dev.marketplace.ui.developer;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import dev.marketplace.activity.application.ActivityQueries;
import dev.marketplace.activity.application.GenerationFilter;
import dev.marketplace.activity.application.GenerationRow;
import dev.marketplace.ui.shell.Formats;

/**
 * The developer's generations, newest first, read lazily a page at a time from the database (offset and limit per
 * scroll), never all at once: a year of calls can be millions of rows.
 */
class GenerationsGrid extends Grid<GenerationRow> {
    static final int PAGE_SIZE = 50;

    private final ActivityQueries activity;
    private final long developerId;
    private GenerationFilter filter;

    GenerationsGrid(ActivityQueries activity, long developerId, GenerationFilter filter) {
        this.activity = activity;
        this.developerId = developerId;
        this.filter = filter;
        setId("generations-grid");
        setPageSize(PAGE_SIZE);
        addColumn(g -> Formats.time(g.createdAt())).setHeader("Time").setAutoWidth(true);
        addColumn(GenerationRow::model).setHeader("Model").setAutoWidth(true);
        addColumn(GenerationRow::provider).setHeader("Provider").setAutoWidth(true);
        addColumn(GenerationRow::keyName).setHeader("Key").setAutoWidth(true);
        number(addColumn(GenerationRow::promptTokens).setHeader("Tokens in"));
        number(addColumn(GenerationRow::completionTokens).setHeader("Tokens out"));
        number(addColumn(g -> Formats.usd(g.costMicros())).setHeader("Cost (USD)"));
        number(addColumn(GenerationRow::latencyMs).setHeader("Latency (ms)"));
        addColumn(GenerationRow::status).setHeader("Status").setAutoWidth(true);
        addColumn(g -> g.streamed() ? "yes" : "no").setHeader("Streamed").setAutoWidth(true);
        addColumn(g -> g.metadataJson() == null ? "" : g.metadataJson()).setHeader("Metadata").setAutoWidth(true);
        setEmptyStateText("No generations match the filter.");
        setItems(query -> activity.page(developerId, this.filter, query.getOffset(), query.getLimit()).stream());
    }

    void filter(GenerationFilter value) {
        filter = value;
        getDataProvider().refreshAll();
    }

    private static void number(Column<GenerationRow> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
