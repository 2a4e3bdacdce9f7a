package dev.marketplace.ui.credits;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import dev.marketplace.billing.checkout.PurchaseAmounts;
import dev.marketplace.billing.checkout.PurchaseHistory;
import dev.marketplace.billing.purchases.PurchaseRecord;
import dev.marketplace.ui.shell.Formats;

/** The developer's purchases, newest first, fetched page by page; each paid one links to its receipt. */
class PurchaseGrid extends Grid<PurchaseRecord> {

    static final int PAGE_SIZE = 25;

    PurchaseGrid(PurchaseHistory history, long developerId) {
        setId("purchases");
        setPageSize(PAGE_SIZE);
        addColumn(p -> Formats.time(p.createdAt())).setHeader("Started").setFlexGrow(2);
        addColumn(p -> PurchaseAmounts.usd(p.creditCents())).setHeader("Credit");
        addColumn(p -> PurchaseAmounts.usd(p.feeCents())).setHeader("Fee");
        addColumn(p -> PurchaseAmounts.usd(p.totalCents())).setHeader("Charged");
        addColumn(p -> p.isPaid() ? "Paid " + Formats.time(p.paidAt()) : "Not paid").setHeader("Status")
                .setFlexGrow(2);
        addComponentColumn(p -> p.isPaid() ? new Anchor("credits/receipt/" + p.sessionId(), "Receipt")
                : new Anchor()).setHeader("").setAutoWidth(true).setFlexGrow(0);
        setItems(query -> history.page(developerId, query.getOffset(), Math.min(query.getLimit(),
                dev.marketplace.billing.purchases.PurchaseBook.MAX_PAGE)).stream(),
                query -> history.count(developerId));
        setAllRowsVisible(true);
        setEmptyStateText("No purchases yet.");
    }
}
