package dev.marketplace.ui.developer;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Draws a stacked bar chart as SVG text on the server (no chart library: the portal cannot build npm code): one bar
 * per day, one colour per series, a y axis from zero to a round maximum with {@link #TICKS} steps, and a
 * {@code <title>} on every segment so hovering shows its day, series and value. Pure: data in, markup out.
 */
public final class SvgBarChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 240;
    static final int LEFT = 90;
    static final int RIGHT = 10;
    static final int TOP = 10;
    static final int BOTTOM = 30;
    static final int TICKS = 4;
    static final int MAX_X_LABELS = 10;
    /** Distinguishable colours (Okabe–Ito), then grey for "Other". */
    static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#999999");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private SvgBarChart() {
    }

    /**
     * The step between the y axis's ticks: the smallest 1, 2 or 5 × 10^n with which {@link #TICKS} steps reach
     * {@code max}; so every tick is a whole number and the axis's top is {@code TICKS × step}.
     */
    static long tickStep(long max) {
        long needed = Math.max(1, (max + TICKS - 1) / TICKS);
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (power * m >= needed) {
                    return power * m;
                }
            }
            power *= 10;
        }
    }

    static String colour(int series) {
        return COLOURS.get(Math.min(series, COLOURS.size() - 1));
    }

    /** The chart; {@code format} prints an axis or tooltip value (for money, micro-USD as dollars). */
    public static String render(ChartData data, String title, LongFunction<String> format) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Xml.escape(title)).append("\">");
        svg.append("<title>").append(Xml.escape(title)).append("</title>");
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        if (data.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#666\">No activity in this period</text></svg>");
            return svg.toString();
        }
        long step = tickStep(data.maxDayTotal());
        long top = step * TICKS;
        for (int t = 0; t <= TICKS; t++) {
            long value = step * t;
            double y = TOP + plotHeight - (double) plotHeight * t / TICKS;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#ddd\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">").append(Xml.escape(format.apply(value)))
                    .append("</text>");
        }
        int days = data.days().size();
        double slot = (double) plotWidth / days;
        double barWidth = Math.max(1, slot * 0.8);
        int labelEvery = Math.max(1, (days + MAX_X_LABELS - 1) / MAX_X_LABELS);
        for (int d = 0; d < days; d++) {
            double x = LEFT + slot * d + (slot - barWidth) / 2;
            long below = 0;
            for (int s = 0; s < data.series().size(); s++) {
                ChartData.Series series = data.series().get(s);
                long value = series.values()[d];
                if (value == 0) {
                    continue;
                }
                double y0 = scale(below, top, plotHeight);
                below += value;
                double y1 = scale(below, top, plotHeight);
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y1)).append("\" width=\"")
                        .append(num(barWidth)).append("\" height=\"").append(num(y0 - y1)).append("\" fill=\"")
                        .append(colour(s)).append("\" data-series=\"").append(Xml.escape(series.name()))
                        .append("\"><title>").append(data.days().get(d)).append(" \u00b7 ")
                        .append(Xml.escape(series.name())).append(": ").append(Xml.escape(format.apply(value)))
                        .append("</title></rect>");
            }
            if (d % labelEvery == 0) {
                svg.append("<text x=\"").append(num(LEFT + slot * d + slot / 2)).append("\" y=\"").append(HEIGHT - 10)
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">")
                        .append(DAY.format(data.days().get(d))).append("</text>");
            }
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#888\"/>");
        return svg.append("</svg>").toString();
    }

    /** The legend as HTML: a colour swatch and the name of each series, in the chart's order. */
    public static String legend(ChartData data) {
        StringBuilder html = new StringBuilder("<ul class=\"portal-legend\">");
        for (int s = 0; s < data.series().size(); s++) {
            html.append("<li><span class=\"swatch\" style=\"background:").append(colour(s)).append("\"></span>")
                    .append(Xml.escape(data.series().get(s).name())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    /** The y coordinate of a value on an axis from 0 to {@code top}. */
    private static double scale(long value, long top, int plotHeight) {
        return TOP + plotHeight - (double) value / top * plotHeight;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
