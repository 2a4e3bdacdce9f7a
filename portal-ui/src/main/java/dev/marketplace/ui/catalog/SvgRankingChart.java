package dev.marketplace.ui.catalog;

import dev.marketplace.catalog.browse.RankedModel;
import dev.marketplace.ui.developer.Xml;
import java.util.List;
import java.util.Locale;

/**
 * Draws the rankings as a horizontal SVG bar chart on the server: one bar per model, longest for the most tokens,
 * each labelled with the model and its count and carrying a {@code <title>} for hovering. Pure: data in, markup out.
 */
final class SvgRankingChart {
    static final int WIDTH = 800;
    static final int ROW = 26;
    static final int LABEL = 260;
    static final int VALUE = 110;
    static final int MAX_BARS = 20;
    static final String COLOUR = "#0072B2";

    private SvgRankingChart() {
    }

    static String render(List<RankedModel> ranked, String title) {
        List<RankedModel> shown = ranked.stream().filter(r -> r.tokens() > 0).limit(MAX_BARS).toList();
        int height = Math.max(ROW, shown.size() * ROW) + 4;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Xml.escape(title)).append("\"><title>")
                .append(Xml.escape(title)).append("</title>");
        if (shown.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"18\" text-anchor=\"middle\" fill=\"#666\">")
                    .append("No tokens served in this period</text></svg>");
            return svg.toString();
        }
        long max = shown.get(0).tokens();
        int barSpace = WIDTH - LABEL - VALUE;
        for (int i = 0; i < shown.size(); i++) {
            RankedModel r = shown.get(i);
            int y = i * ROW + 2;
            double width = Math.max(1, (double) r.tokens() / max * barSpace);
            String label = (i + 1) + ". " + r.slug();
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">").append(Xml.escape(label)).append("</text>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.2f", width)).append("\" height=\"").append(ROW - 8)
                    .append("\" fill=\"").append(COLOUR).append("\" data-model=\"").append(Xml.escape(r.slug()))
                    .append("\"><title>").append(Xml.escape(r.slug() + ": " + CatalogFormats.count(r.tokens()) + " tokens"))
                    .append("</title></rect>");
            svg.append("<text x=\"").append(String.format(Locale.ROOT, "%.2f", LABEL + width + 6)).append("\" y=\"")
                    .append(y + 17).append("\" font-size=\"12\" fill=\"#444\">").append(CatalogFormats.count(r.tokens()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
