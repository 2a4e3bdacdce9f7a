package dev.marketplace.ui.developer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.activity.application.ActivityQueries;
import dev.marketplace.activity.application.Breakdown;
import dev.marketplace.activity.application.GenerationFilter;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.keys.application.KeySpend;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the developer's calls did: spend, tokens and requests per day by model, key or metadata tag (charts drawn on
 * the server), and the generations themselves in a lazy grid with filters and a streamed CSV export of the same set.
 * The period selector sets the filter's days; the model, key and status filters narrow charts, grid and export alike.
 */
@Dependent
@Route(value = "activity", layout = MainLayout.class)
@PageTitle("Activity · Model Marketplace")
public class ActivityView extends Div implements BeforeEnterObserver {
    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final String DEFAULT_TAG_KEY = "tag";

    private final DeveloperAccounts accounts;
    private final ApiKeyService keys;
    private final ActivityQueries activity;
    private final RadioButtonGroup<Integer> period = new RadioButtonGroup<>("Period");
    private final RadioButtonGroup<Breakdown> breakdown = new RadioButtonGroup<>("Break down by");
    private final ComboBox<String> tagKey = new ComboBox<>("Metadata key");
    private final DatePicker from = IsoDates.picker("From (UTC)");
    private final DatePicker to = IsoDates.picker("To (UTC)");
    private final ComboBox<String> model = new ComboBox<>("Model");
    private final ComboBox<Long> key = new ComboBox<>("Key");
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final Anchor export = new Anchor("", "Download CSV");
    private final UsageCharts charts = new UsageCharts();
    private long developerId;
    private GenerationsGrid grid;
    private GenerationFilter filter;

    @Inject
    public ActivityView(DeveloperAccounts accounts, ApiKeyService keys, ActivityQueries activity) {
        this.accounts = accounts;
        this.keys = keys;
        this.activity = activity;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        developerId = accounts.ensure(user.username(), user.email());
        filter = GenerationFilter.lastDays(PERIODS.get(0), today());
        grid = new GenerationsGrid(activity, developerId, filter);
        configureControls();
        Div chartControls = new Div(period, breakdown, tagKey);
        chartControls.addClassName("portal-form");
        Div filters = new Div(from, to, model, key, status, export);
        filters.addClassName("portal-form");
        add(new BalanceBanner().show(accounts.summary(developerId, user.username())), new H1("Activity"),
                DeveloperLinks.create(), chartControls, charts, new H2("Generations"), filters, grid);
        showFilter();
    }

    private void configureControls() {
        period.setId("activity-period");
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> "Last " + days + " days");
        period.setValue(PERIODS.get(0));
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(GenerationFilter.lastDays(e.getValue(), today()).withModel(filter.model())
                        .withKey(filter.keyId()).withStatus(filter.status()));
            }
        });
        breakdown.setId("activity-breakdown");
        breakdown.setItems(Breakdown.values());
        breakdown.setItemLabelGenerator(Breakdown::label);
        breakdown.setValue(Breakdown.MODEL);
        breakdown.addValueChangeListener(e -> showCharts());
        tagKey.setId("activity-tag-key");
        tagKey.setVisible(false);
        tagKey.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showCharts();
            }
        });

        from.setId("filter-from");
        to.setId("filter-to");
        model.setId("filter-model");
        model.setClearButtonVisible(true);
        model.setPlaceholder("All models");
        key.setId("filter-key");
        key.setClearButtonVisible(true);
        key.setPlaceholder("All keys");
        Map<Long, String> keyNames = new LinkedHashMap<>();
        for (KeySpend k : keys.listWithSpend(developerId)) {
            keyNames.put(k.key().id(), k.key().name() + " (" + k.key().hint() + ")");
        }
        key.setItems(keyNames.keySet());
        key.setItemLabelGenerator(keyNames::get);
        status.setId("filter-status");
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any status");
        status.setItems(GenerationFilter.STATUSES.stream().sorted().toList());
        from.addValueChangeListener(e -> fromFields(e.isFromClient()));
        to.addValueChangeListener(e -> fromFields(e.isFromClient()));
        model.addValueChangeListener(e -> fromFields(e.isFromClient()));
        key.addValueChangeListener(e -> fromFields(e.isFromClient()));
        status.addValueChangeListener(e -> fromFields(e.isFromClient()));
        export.setId("export-csv");
        export.setRouterIgnore(true);
        export.getElement().setAttribute("download", true);
    }

    /** A filter field changed in the browser: check the whole filter and apply it, or say what is wrong. */
    private void fromFields(boolean fromClient) {
        if (!fromClient) {
            return;
        }
        try {
            GenerationFilter next = new GenerationFilter(from.getValue(), to.getValue(), model.getValue(),
                    key.getValue(), status.getValue());
            from.setInvalid(false);
            apply(next);
        } catch (IllegalArgumentException invalid) {
            from.setErrorMessage(invalid.getMessage());
            from.setInvalid(true);
        }
    }

    private void apply(GenerationFilter next) {
        filter = next;
        showFilter();
    }

    /** Puts the filter into the fields, the charts, the grid and the export link. */
    private void showFilter() {
        from.setValue(filter.from());
        to.setValue(filter.to());
        model.setItems(activity.models(developerId, GenerationFilter.lastDays(GenerationFilter.MAX_DAYS, today())));
        model.setValue(filter.model());
        key.setValue(filter.keyId());
        status.setValue(filter.status());
        grid.filter(filter);
        export.setHref(GenerationExportServlet.href(filter));
        showCharts();
    }

    private void showCharts() {
        Breakdown by = breakdown.getValue() == null ? Breakdown.MODEL : breakdown.getValue();
        String metadataKey = null;
        if (by == Breakdown.METADATA) {
            List<String> tagKeys = activity.metadataKeys(developerId, filter);
            metadataKey = tagKey.getValue();
            if (metadataKey == null || !tagKeys.contains(metadataKey)) {
                metadataKey = tagKeys.contains(DEFAULT_TAG_KEY) || tagKeys.isEmpty() ? DEFAULT_TAG_KEY : tagKeys.get(0);
            }
            tagKey.setItems(tagKeys);
            tagKey.setValue(tagKeys.contains(metadataKey) ? metadataKey : null);
        }
        tagKey.setVisible(by == Breakdown.METADATA);
        String label = by == Breakdown.METADATA ? "metadata \u201c" + metadataKey + "\u201d" : by.label().toLowerCase();
        charts.show(activity.daily(developerId, filter, by, metadataKey), filter.from(), filter.to(), label);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
