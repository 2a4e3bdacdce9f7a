package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.catalog.browse.CatalogBrowser;
import dev.marketplace.catalog.browse.RankedModel;
import dev.marketplace.ui.shell.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** Live models ranked by the tokens they served in the last week ({@code /rankings}, public): a chart and a table. */
@Dependent
@Route(value = "rankings", layout = MainLayout.class)
@PageTitle("Rankings · Model Marketplace")
public class RankingsView extends Div {

    @Inject
    public RankingsView(CatalogBrowser catalog) {
        addClassName("portal-page");
        List<RankedModel> ranked = catalog.rankings();
        String title = "Tokens served in the last " + CatalogBrowser.RANKING_DAYS + " days";
        Div chart = new Div(new Html("<div>" + SvgRankingChart.render(ranked, title) + "</div>"));
        chart.setId("rankings-chart");
        chart.addClassName("portal-chart");
        Grid<RankedModel> table = new Grid<>(RankedModel.class, false);
        table.setId("rankings-table");
        table.addComponentColumn(ModelsViewLinks::model).setHeader("Model").setAutoWidth(true);
        table.addColumn(r -> CatalogFormats.count(r.tokens())).setHeader("Tokens").setAutoWidth(true);
        table.setItems(ranked);
        table.setAllRowsVisible(true);
        add(new H1("Rankings"), new Paragraph(title + " (prompt and completion tokens of successful calls), "
                + "refreshed every minute."), chart, table);
    }
}
