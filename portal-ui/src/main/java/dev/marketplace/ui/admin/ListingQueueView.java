package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.listings.application.ListingException;
import dev.marketplace.onboarding.listings.application.ListingReview;
import dev.marketplace.onboarding.listings.application.ProviderListing;
import dev.marketplace.onboarding.listings.domain.ListingTransitionException;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admins' listing queue: pending listings (approve the first publication, or reject with a reason), and
 * published listings (suspend with a reason: traffic stops on every node within about a second; lift). Audited.
 */
@Dependent
@Route(value = "admin/listings", layout = MainLayout.class)
@PageTitle("Listing queue · Model Marketplace")
public class ListingQueueView extends Div implements BeforeEnterObserver {

    private final ListingReview review;
    private final Grid<ProviderListing> pending = grid("pending-listings");
    private final Grid<ProviderListing> published = grid("published-listings");
    private final Paragraph message = new Paragraph();
    private String admin;

    @Inject
    public ListingQueueView(ListingReview review) {
        this.review = review;
        addClassName("portal-page");
        message.setId("listing-queue-message");
        pending.addComponentColumn(this::decisions).setHeader("Decision").setAutoWidth(true).setFrozen(true);
        published.addComponentColumn(this::suspension).setHeader("Action").setAutoWidth(true).setFrozen(true);
        for (Grid<ProviderListing> grid : java.util.List.of(pending, published)) {
            grid.addColumn(ProviderListing::modelSlug).setHeader("Model").setAutoWidth(true);
            grid.addColumn(l -> l.status() + (l.statusReason() == null ? "" : " (" + l.statusReason() + ")")).setHeader("Status");
            grid.addColumn(ProviderListing::providerName).setHeader("Provider").setAutoWidth(true);
            grid.addColumn(ProviderListing::endpointName).setHeader("Endpoint").setAutoWidth(true);
            grid.addColumn(l -> Formats.usd(l.inputPriceMicrosPerMTok()) + " / " + Formats.usd(l.outputPriceMicrosPerMTok()))
                    .setHeader("In / out per M tokens").setAutoWidth(true);
            grid.addColumn(l -> l.latestProbeStatus() == null ? "not probed" : l.latestProbeStatus()).setHeader("Latest probe");
        }
    }

    private static Grid<ProviderListing> grid(String id) {
        Grid<ProviderListing> grid = new Grid<>(ProviderListing.class, false);
        grid.setId(id);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            admin = user.username();
            add(new H1("Listing queue"), message, new H2("Waiting for first publication"), pending,
                    new H2("Published and suspended"), published);
            refresh();
        });
    }

    private HorizontalLayout decisions(ProviderListing listing) {
        Button approve = new Button("Approve", click -> act(() -> review.approve(admin, listing.id())));
        approve.setId("approve-listing-" + listing.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button reject = new Button("Reject…", click -> new ReasonDialog("Reject " + listing.modelSlug(), "Reject",
                reason -> decide(() -> review.reject(admin, listing.id(), reason))).open());
        reject.setId("reject-listing-" + listing.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(approve, reject);
    }

    private Button suspension(ProviderListing listing) {
        if ("suspended".equals(listing.status())) {
            Button lift = new Button("Lift", click -> act(() -> review.lift(admin, listing.id())));
            lift.setId("lift-listing-" + listing.id());
            lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return lift;
        }
        Button suspend = new Button("Suspend…", click -> new ReasonDialog("Suspend " + listing.modelSlug(), "Suspend",
                reason -> decide(() -> review.suspend(admin, listing.id(), reason))).open());
        suspend.setId("suspend-listing-" + listing.id());
        suspend.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return suspend;
    }

    private void act(Supplier<String> action) {
        decide(action).ifPresent(message::setText);
    }

    /** Runs the decision; the refusal's message if refused. */
    private Optional<String> decide(Supplier<String> action) {
        try {
            message.setText("Done: the listing is " + action.get() + ".");
            refresh();
            return Optional.empty();
        } catch (ListingException | ListingTransitionException e) {
            refresh();
            return Optional.of(e.getMessage());
        }
    }

    private void refresh() {
        pending.setItems(review.pending());
        published.setItems(review.published());
    }
}
