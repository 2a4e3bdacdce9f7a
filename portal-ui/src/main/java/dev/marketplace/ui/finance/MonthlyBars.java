package dev.marketplace.ui.finance;

import java.time.YearMonth;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A bar chart of one figure per month as SVG text, drawn on the server (the portal cannot build chart libraries):
 * bars from zero (negative months drawn below the axis), a {@code <title>} per bar for its month and value. Pure.
 */
final class MonthlyBars {

    static final int WIDTH = 560;
    static final int HEIGHT = 200;
    static final int LEFT = 70;
    static final int BOTTOM = 24;
    static final int TOP = 10;

    private MonthlyBars() {
    }

    static String render(String title, List<YearMonth> months, long[] values, String colour,
                         LongFunction<String> format) {
        if (months.size() != values.length || months.isEmpty()) {
            throw new IllegalArgumentException("one value per month, at least one month");
        }
        long max = 0;
        long min = 0;
        for (long v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        long span = Math.max(1, max - min);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double zeroY = TOP + plotHeight * (double) max / span;
        double slot = (double) (WIDTH - LEFT - 10) / months.size();
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
        if (max == 0 && min == 0) {
            svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "No activity in these months"));
        } else if (max > 0) {
            svg.append(text(LEFT - 6, TOP + 10, "end", format.apply(max)));
        }
        svg.append(text(LEFT - 6, zeroY + 4, "end", format.apply(0)));
        if (min < 0) {
            svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "end", format.apply(min)));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 10).append("\" y1=\"")
                .append(num(zeroY)).append("\" y2=\"").append(num(zeroY)).append("\" stroke=\"#999\"/>");
        for (int i = 0; i < values.length; i++) {
            double h = plotHeight * (double) Math.abs(values[i]) / span;
            double x = LEFT + slot * i + slot * 0.15;
            double y = values[i] >= 0 ? zeroY - h : zeroY;
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(slot * 0.7)).append("\" height=\"").append(num(h)).append("\" fill=\"")
                    .append(colour).append("\"><title>").append(months.get(i)).append(": ")
                    .append(escape(format.apply(values[i]))).append("</title></rect>");
            svg.append(text(x + slot * 0.35, HEIGHT - 6, "middle", months.get(i).toString().substring(2)));
        }
        return svg.append("</svg>").toString();
    }

    private static String text(double x, double y, String anchor, String value) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"10\" fill=\"#444\">" + escape(value) + "</text>";
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
