package dev.marketplace.ui.provider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.pricechanges.application.PriceChanges;
import dev.marketplace.onboarding.pricechanges.application.ScheduledPriceChange;
import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.providerapi.application.ProviderListing;
import dev.marketplace.onboarding.providerapi.application.ProviderListings;
import dev.marketplace.onboarding.providerapi.application.ProviderMembers;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A provider schedules and cancels price changes of its listings with the same service and rules as the provider
 * API: increases need the notice period, decreases apply at once, drafts change directly, one pending change per
 * listing.
 */
@Dependent
@Route(value = "provider/prices", layout = MainLayout.class)
@PageTitle("Prices · Model Marketplace")
public class ProviderPricesView extends Div implements BeforeEnterObserver {
    private final PriceChanges changes;
    private final ProviderListings listings;
    private final ProviderMembers members;
    private final Grid<ScheduledPriceChange> pending = new Grid<>(ScheduledPriceChange.class, false);
    private final Paragraph outcome = new Paragraph();

    @Inject
    public ProviderPricesView(PriceChanges changes, ProviderListings listings, ProviderMembers members) {
        this.changes = changes;
        this.listings = listings;
        this.members = members;
        addClassName("portal-page");
        pending.setId("pending-price-changes");
        pending.setAllRowsVisible(true);
        outcome.setId("price-change-outcome");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        add(new H1("Prices"));
        Optional<Long> provider = members.providerOf(user.username());
        if (provider.isEmpty()) {
            add(new Paragraph("Your account does not act for a provider yet: apply at /provider/apply."));
            return;
        }
        long providerId = provider.get();
        Map<Long, ProviderListing> byId = listings.list(providerId).stream()
                .collect(Collectors.toMap(ProviderListing::id, Function.identity()));
        ComboBox<ProviderListing> listing = new ComboBox<>("Listing");
        listing.setId("price-listing");
        listing.setItems(byId.values());
        listing.setItemLabelGenerator(l -> l.model() + " on " + l.endpointName() + " (" + l.status() + ")");
        listing.setWidth("32rem");
        PriceChangeForm form = new PriceChangeForm();
        listing.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                form.show(e.getValue().prices());
            }
        });
        Button schedule = new Button("Schedule price change", click -> schedule(providerId, user.username(), listing, form));
        schedule.setId("price-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        pending.addColumn(c -> Optional.ofNullable(byId.get(c.listingId())).map(ProviderListing::model).orElse("#" + c.listingId()))
                .setHeader("Listing").setAutoWidth(true);
        pending.addColumn(c -> Formats.usd(c.prices().inputMicrosPerMTok()) + " / " + Formats.usd(c.prices().outputMicrosPerMTok()))
                .setHeader("Input / output per M").setAutoWidth(true);
        pending.addColumn(c -> Formats.time(c.effectiveAt())).setHeader("Effective").setAutoWidth(true);
        pending.addColumn(ScheduledPriceChange::createdBy).setHeader("By").setAutoWidth(true);
        pending.addComponentColumn(c -> cancelButton(providerId, c));

        add(new Paragraph("A change that raises any price needs " + changes.notice().toDays() + " days' notice "
                + "(developers see it coming); one that only lowers prices applies at once. Drafts change directly. "
                + "One pending change per listing: cancel it to schedule another."), listing, form, schedule, outcome,
                new H2("Pending changes"), pending);
        refresh(providerId);
    }

    private void schedule(long providerId, String username, ComboBox<ProviderListing> listing, PriceChangeForm form) {
        if (listing.getValue() == null) {
            listing.setErrorMessage("Choose a listing");
            listing.setInvalid(true);
            return;
        }
        listing.setInvalid(false);
        try {
            PriceSet prices = form.prices();
            ScheduledPriceChange change = changes.schedule(providerId, username, listing.getValue().id(), prices,
                    form.effectiveAt());
            outcome.setText(change.appliedAt() != null ? "Applied now: the new prices are in force within seconds."
                    : "Scheduled for " + Formats.time(change.effectiveAt()) + ".");
            refresh(providerId);
        } catch (ProviderApiException e) {
            form.error(e.param(), e.getMessage());
            outcome.setText(e.getMessage());
        } catch (InvalidPriceException e) {
            outcome.setText(e.getMessage());
        }
    }

    private Button cancelButton(long providerId, ScheduledPriceChange change) {
        Button cancel = new Button("Cancel", click -> {
            try {
                changes.cancel(providerId, change.listingId(), change.id());
                outcome.setText("Cancelled the change of " + Formats.time(change.effectiveAt()) + ".");
            } catch (ProviderApiException e) {
                outcome.setText(e.getMessage());
            }
            refresh(providerId);
        });
        cancel.setId("price-cancel-" + change.id());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return cancel;
    }

    private void refresh(long providerId) {
        pending.setItems(changes.pending(providerId));
    }
}
