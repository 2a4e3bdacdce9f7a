package dev.marketplace.ui.provider;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.marketplace.onboarding.verification.application.ListingProbes;
import dev.marketplace.onboarding.verification.application.ProbeRefusedException;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import dev.marketplace.onboarding.verification.domain.ProviderListing;
import dev.marketplace.ui.shell.CurrentUser;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Verification probes: {@code /provider/probes} lists the signed-in provider's listings with the latest result;
 * {@code /provider/probes/<listing id>} shows one listing's runs, a Verify button, and the checks of the current run
 * ticking off (polled every second while it runs). A provider sees only its own listings; an admin any listing.
 */
@Dependent
@Route(value = "provider/probes", layout = MainLayout.class)
@PageTitle("Verification probes · Model Marketplace")
public class ProbesView extends Div implements HasUrlParameter<Long> {
    static final int POLL_MS = 1_000;

    private final ListingProbes probes;
    private final Grid<ProbeRun> history = new Grid<>(ProbeRun.class, false);
    private final Div current = new Div();
    private final Paragraph message = new Paragraph();
    private PortalUser user;
    private boolean admin;
    private Long listingId;
    private Registration polling;

    @Inject
    public ProbesView(ListingProbes probes) {
        this.probes = probes;
        addClassName("portal-page");
        current.setId("probe-current");
        message.setId("probe-message");
        history.setId("probe-history");
        history.addColumn(run -> Formats.time(run.startedAt())).setHeader("Started").setAutoWidth(true);
        history.addColumn(ProbeRun::trigger).setHeader("Trigger").setAutoWidth(true);
        history.addColumn(ProbeRun::status).setHeader("Result").setAutoWidth(true);
        history.addColumn(run -> run.latencyMs() == null ? "" : run.latencyMs() + " ms").setHeader("Stream total");
        history.addColumn(run -> String.join(", ", run.report().failedChecks())).setHeader("Failed checks")
                .setFlexGrow(1);
        history.setAllRowsVisible(true);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long parameter) {
        removeAll();
        stopPolling();
        listingId = parameter;
        Optional<PortalUser> signedIn = CurrentUser.get().filter(u -> u.hasRole(PortalUser.ADMIN));
        admin = signedIn.isPresent();
        if (signedIn.isEmpty() && event instanceof com.vaadin.flow.router.BeforeEnterEvent enter) {
            signedIn = RoleGate.admit(enter, PortalUser.PROVIDER, this);
        }
        if (signedIn.isEmpty()) {
            return;
        }
        user = signedIn.get();
        if (listingId == null) {
            listAll();
        } else {
            showListing();
        }
    }

    private void listAll() {
        add(new H1("Verification probes"), new Paragraph("A probe calls a listing's model through its endpoint, "
                + "non-streaming and streaming, checks that the reported usage is within ±35% of the cl100k_base "
                + "tokenizer's count and measures latency. Live listings are re-probed every 15 minutes; three failed "
                + "runs in a row pause a listing."));
        if (admin) {
            IntegerField id = new IntegerField("Listing id");
            id.setId("probe-listing-id");
            Button open = new Button("Open", click -> {
                if (id.getValue() != null) {
                    UI.getCurrent().navigate(ProbesView.class, id.getValue().longValue());
                }
            });
            add(id, open);
        }
        List<ProviderListing> listings = probes.listingsOf(user.username());
        if (listings.isEmpty()) {
            add(new Paragraph(probes.providerOf(user.username()).isPresent() ? "Your provider has no listings yet."
                    : "Your account does not act for a provider."));
            return;
        }
        Grid<ProviderListing> grid = new Grid<>(ProviderListing.class, false);
        grid.setId("probe-listings");
        grid.addComponentColumn(l -> new Anchor("/provider/probes/" + l.id(), l.modelSlug())).setHeader("Model")
                .setAutoWidth(true);
        grid.addColumn(ProviderListing::upstreamModel).setHeader("Your model id").setAutoWidth(true);
        grid.addColumn(ProviderListing::endpointName).setHeader("Endpoint").setAutoWidth(true);
        grid.addColumn(l -> l.status() + (l.statusReason() == null ? "" : ": " + l.statusReason())).setHeader("Status")
                .setFlexGrow(1);
        grid.addColumn(l -> l.latestProbeStatus() == null ? "never probed" : l.latestProbeStatus())
                .setHeader("Latest probe").setAutoWidth(true);
        grid.setItems(listings);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private void showListing() {
        List<ProbeRun> runs;
        try {
            runs = probes.history(user.username(), admin, listingId);
        } catch (ProbeRefusedException e) {
            add(new H1("Verification probes"), new Paragraph(e.getMessage()));
            return;
        }
        Button verify = new Button("Verify", click -> verify());
        verify.setId("probe-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Verification of listing #" + listingId), new Anchor("/provider/probes", "All listings"),
                new Paragraph("Usage is compared with the cl100k_base tokenizer's count (±35%)."), verify, message,
                current, new H2("Runs"), history);
        show(runs);
    }

    private void verify() {
        try {
            if (admin) {
                probes.startAsAdmin(user.username(), listingId);
            } else {
                probes.startAsProvider(user.username(), listingId);
            }
            message.setText("Probe started.");
        } catch (ProbeRefusedException e) {
            message.setText(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        show(probes.history(user.username(), admin, listingId));
    }

    private void show(List<ProbeRun> runs) {
        history.setItems(runs);
        current.removeAll();
        if (runs.isEmpty()) {
            current.add(new Paragraph("Never probed."));
            stopPolling();
            return;
        }
        ProbeRun latest = runs.get(0);
        current.add(ProbeChecks.of(latest));
        if (latest.running()) {
            startPolling();
        } else {
            stopPolling();
        }
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        if (ui == null || polling != null) {
            return;
        }
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(poll -> refresh());
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }
}
