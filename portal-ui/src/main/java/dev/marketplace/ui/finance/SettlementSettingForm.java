package dev.marketplace.ui.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.settlements.Frequency;
import dev.marketplace.billing.settlements.ProviderSetting;
import dev.marketplace.billing.settlements.SettlementPayee;
import dev.marketplace.onboarding.finance.FinanceDesk;

/** One provider's settlement period and minimum payout, saved (and audited) for the provider chosen above it. */
final class SettlementSettingForm extends HorizontalLayout {

    private final FinanceDesk desk;
    private final Select<Frequency> frequency = new Select<>();
    private final TextField minimum = new TextField("Minimum payout (USD)");
    private final Button save = new Button("Save setting");
    private final Span saved = new Span();
    private SettlementPayee payee;
    private String actor;

    SettlementSettingForm(FinanceDesk desk) {
        this.desk = desk;
        frequency.setLabel("Period");
        frequency.setId("setting-frequency");
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(Frequency::columnValue);
        minimum.setId("setting-minimum");
        save.setId("setting-save");
        save.addClickListener(click -> save());
        saved.setId("setting-saved");
        setAlignItems(Alignment.BASELINE);
        add(frequency, minimum, save, saved);
        show(null, null);
    }

    /** Shows the provider's setting (or hides the form when no single provider is chosen). */
    void show(SettlementPayee chosen, String user) {
        payee = chosen;
        actor = user;
        saved.setText("");
        minimum.setInvalid(false);
        setVisible(chosen != null && !chosen.platformOperated());
        if (isVisible()) {
            ProviderSetting setting = desk.setting(chosen.providerId());
            frequency.setValue(setting.frequency());
            minimum.setValue(Money.toUsd(setting.minimumPayoutMicros()).toPlainString());
        }
    }

    private void save() {
        long micros;
        try {
            micros = Money.parseUsdMicros(minimum.getValue().strip());
            if (micros < 0) {
                throw new IllegalArgumentException("negative");
            }
        } catch (IllegalArgumentException e) {
            minimum.setErrorMessage("Dollars, zero or more, e.g. 25.00");
            minimum.setInvalid(true);
            return;
        }
        minimum.setInvalid(false);
        desk.saveSetting(new ProviderSetting(payee.providerId(), frequency.getValue(), micros), actor);
        saved.setText("Saved: " + frequency.getValue().columnValue() + ", minimum $"
                + Money.toUsd(micros).toPlainString() + " (from the next statement on)");
    }
}
