package dev.marketplace.ui.finance;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.reconciliation.JournalLines;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** One journal and its postings, opened from a reconciliation difference ({@code ?key=<idempotency key>}). */
@Dependent
@Route(value = "finance/journal", layout = MainLayout.class)
@PageTitle("Journal · Model Marketplace")
public class JournalView extends Div implements BeforeEnterObserver {

    private final Reconciliation reconciliation;

    @Inject
    public JournalView(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> keys = event.getLocation().getQueryParameters().getParameters().getOrDefault("key", List.of());
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(user -> build(keys.isEmpty() ? "" : keys.get(0)));
    }

    private void build(String key) {
        add(new H1("Journal " + key));
        Optional<JournalLines> journal = key.isBlank() ? Optional.empty() : reconciliation.journal(key);
        if (journal.isEmpty()) {
            Paragraph none = new Paragraph("No journal has this key (for a usage record: its journal is missing).");
            none.setId("no-journal");
            add(none);
            return;
        }
        JournalLines j = journal.get();
        add(new Paragraph(j.kind() + " · " + Formats.time(j.createdAt()) + (j.externalRef() == null ? ""
                : " · Stripe object " + j.externalRef())), new Paragraph(j.memo() == null ? "" : j.memo()));
        Grid<Posting> postings = new Grid<>();
        postings.addColumn(Posting::accountCode).setHeader("Account").setAutoWidth(true);
        postings.addColumn(p -> Formats.usd(p.amountMicros())).setHeader("Amount").setAutoWidth(true);
        postings.setItems(j.postings());
        postings.setAllRowsVisible(true);
        postings.setId("postings");
        add(postings);
    }
}
