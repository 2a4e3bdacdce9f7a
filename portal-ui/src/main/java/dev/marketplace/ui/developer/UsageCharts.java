package dev.marketplace.ui.developer;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import dev.marketplace.activity.application.DailyUsage;
import dev.marketplace.billing.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** The activity page's three charts, spend, tokens and requests per day, drawn on the server as SVG. */
class UsageCharts extends Div {

    UsageCharts() {
        setId("activity-charts");
        addClassName("portal-charts");
    }

    void show(List<DailyUsage> usage, LocalDate from, LocalDate to, String breakdown) {
        removeAll();
        add(chart("chart-spend", "Spend (USD) per day by " + breakdown, usage, from, to, DailyUsage::costMicros,
                        UsageCharts::dollars),
                chart("chart-tokens", "Tokens per day by " + breakdown, usage, from, to, DailyUsage::tokens, Long::toString),
                chart("chart-requests", "Requests per day by " + breakdown, usage, from, to, DailyUsage::requests,
                        Long::toString));
    }

    private static Div chart(String id, String title, List<DailyUsage> usage, LocalDate from, LocalDate to,
                             ToLongFunction<DailyUsage> metric, LongFunction<String> format) {
        ChartData data = ChartData.of(usage, from, to, metric);
        // a wrapping div: the browser parses the SVG inside it as SVG (an <svg> root of Html would not be)
        Html svg = new Html("<div>" + SvgBarChart.render(data, title, format) + SvgBarChart.legend(data) + "</div>");
        Div block = new Div(new H3(title), svg);
        block.setId(id);
        block.addClassName("portal-chart");
        return block;
    }

    /** Micro-USD as a short dollar amount for an axis: {@code 2500} → {@code $0.0025}; exact. */
    static String dollars(long micros) {
        return "$" + Money.toUsd(micros).stripTrailingZeros().toPlainString();
    }
}
