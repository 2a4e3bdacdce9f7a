package dev.marketplace.ui.developer;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.marketplace.developers.application.DeveloperSummary;

/**
 * The credit line at the top of the developer's pages: balance and what is available, a warning when it is low or
 * gone, and always the way to the Credits page. Key limits are shown beside each key on the keys page.
 */
class BalanceBanner extends Div {
    static final String CREDITS_ROUTE = "credits";

    private final Span text = new Span();

    BalanceBanner() {
        setId("balance-banner");
        addClassName("portal-banner");
        text.setId("balance-banner-text");
        Anchor credits = new Anchor(CREDITS_ROUTE, "Buy credits");
        credits.setId("balance-banner-credits");
        add(text, credits);
    }

    BalanceBanner show(DeveloperSummary summary) {
        CreditStatus status = CreditStatus.of(summary.balanceMicros(), summary.availableMicros());
        text.setText(status.message());
        getElement().setAttribute("data-level", status.level().name().toLowerCase());
        getElement().setAttribute("role", status.level() == CreditStatus.Level.OK ? "status" : "alert");
        return this;
    }
}
