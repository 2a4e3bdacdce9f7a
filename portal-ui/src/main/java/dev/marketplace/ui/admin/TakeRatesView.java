package dev.marketplace.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.suspensions.ProviderOverview;
import dev.marketplace.onboarding.suspensions.Suspensions;
import dev.marketplace.onboarding.takerates.TakeRateChange;
import dev.marketplace.onboarding.takerates.TakeRates;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Take rates per provider ({@code /admin/take-rates}): schedule a rate in basis points from a time on (empty: now)
 * with a reason; the history shows when each applied. A timer makes a due rate current within about a second.
 */
@Dependent
@Route(value = "admin/take-rates", layout = MainLayout.class)
@PageTitle("Take rates · Model Marketplace")
public class TakeRatesView extends Div implements BeforeEnterObserver {

    private final TakeRates rates;
    private final Suspensions providers;
    private final ComboBox<ProviderOverview> provider = new ComboBox<>("Provider");
    private final IntegerField bps = new IntegerField("Take rate (basis points)");
    private final DateTimePicker effective = new DateTimePicker("Effective from (UTC; empty: now)");
    private final TextField reason = new TextField("Reason");
    private final Grid<TakeRateChange> history = new Grid<>(TakeRateChange.class, false);
    private PortalUser admin;

    @Inject
    public TakeRatesView(TakeRates rates, Suspensions providers) {
        this.rates = rates;
        this.providers = providers;
        addClassName("portal-page");
        provider.setId("take-rate-provider");
        provider.setItemLabelGenerator(p -> p.name() + " (" + p.slug() + ") \u00b7 now " + TakeRates.percent(p.takeRateBps()));
        provider.addValueChangeListener(e -> showHistory());
        bps.setId("take-rate-bps");
        bps.setMin(0);
        bps.setMax(10_000);
        bps.setHelperText("500 = 5%");
        effective.setId("take-rate-effective");
        reason.setId("take-rate-reason");
        reason.setWidth("24rem");
        history.setId("take-rate-history");
        history.addColumn(c -> TakeRates.percent(c.takeRateBps()) + " (" + c.takeRateBps() + " bps)").setHeader("Rate")
                .setAutoWidth(true);
        history.addColumn(c -> Formats.time(c.effectiveAt())).setHeader("Effective").setAutoWidth(true);
        history.addColumn(c -> c.applied() ? "applied " + Formats.time(c.appliedAt()) : "scheduled").setHeader("State")
                .setAutoWidth(true);
        history.addColumn(TakeRateChange::reason).setHeader("Reason").setAutoWidth(true);
        history.addColumn(TakeRateChange::createdBy).setHeader("By").setAutoWidth(true);
        history.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            admin = user;
            provider.setItems(providers.overview());
            Button schedule = new Button("Schedule", click -> schedule());
            schedule.setId("take-rate-schedule");
            schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div form = new Div(provider, bps, effective, reason, schedule);
            form.addClassName("portal-form");
            add(new H1("Take rates"), new Paragraph("The platform keeps the take rate of every call's price to a "
                    + "provider; the provider's share is the rest. A new rate applies at its time on every node within "
                    + "about two seconds and is told to the provider's members; every change is in the audit log."),
                    form, new H2("History"), history);
        });
    }

    private void schedule() {
        Map<String, HasValidation> fields = Map.of("takeRateBps", bps, "effectiveAt", effective, "reason", reason);
        fields.values().forEach(f -> f.setInvalid(false));
        provider.setInvalid(false);
        if (provider.getValue() == null) {
            provider.setErrorMessage("Choose a provider");
            provider.setInvalid(true);
            return;
        }
        if (bps.getValue() == null) {
            bps.setErrorMessage("A take rate in basis points, 0 to 10,000");
            bps.setInvalid(true);
            return;
        }
        Instant when = effective.getValue() == null ? Instant.now() : effective.getValue().toInstant(ZoneOffset.UTC);
        try {
            rates.schedule(provider.getValue().id(), bps.getValue(), when, reason.getValue(), admin.username());
            Notification.show("Scheduled " + TakeRates.percent(bps.getValue()) + " for " + provider.getValue().name());
            reason.clear();
            showHistory();
        } catch (AdminActionException e) {
            HasValidation field = e.field() == null ? null : fields.get(e.field());
            if (field == null) {
                Notification.show(e.getMessage(), 8_000, Notification.Position.MIDDLE);
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        }
    }

    private void showHistory() {
        ProviderOverview p = provider.getValue();
        history.setItems(p == null ? java.util.List.of() : rates.history(p.id()));
    }
}
