package dev.marketplace.ui.finance;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.LandingContent.Part;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleLandingView;
import jakarta.enterprise.context.Dependent;
import java.util.List;

/** The finance team's landing page: what they will run here, and what is not built yet. */
@Dependent
@Route(value = "finance", layout = MainLayout.class)
@PageTitle("Finance · Model Marketplace")
public class FinanceView extends RoleLandingView {

    public FinanceView() {
        super(PortalUser.FINANCE, "Finance",
                "Here the finance team settles what developers spent, pays providers their share and keeps the books in balance.",
                List.of(
                        new Part("Settlements", "per-period statements of usage, platform fees and provider shares, approved by two people (/finance/settlements)", true),
                        new Part("Payouts", "transfers of provider shares, with their status at Stripe (on each statement)", true),
                        new Part("Reconciliation", "ledger against usage records against Stripe, and period close", false)));
    }
}
