package dev.marketplace.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.catalog.browse.RankedModel;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgRankingChartTest {

    @Test
    void barsAreProportionalToTokensAndModelsWithoutTokensAreLeftOut() {
        String svg = SvgRankingChart.render(List.of(new RankedModel("a/big", "Big", 1_000),
                new RankedModel("b/half", "Half", 500), new RankedModel("c/none", "None", 0)), "Tokens <7 days>");
        Matcher widths = Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*data-model=\"([^\"]+)\"").matcher(svg);
        assertTrue(widths.find());
        assertEquals("a/big", widths.group(2));
        double big = Double.parseDouble(widths.group(1));
        assertTrue(widths.find());
        assertEquals("b/half", widths.group(2));
        assertEquals(big / 2, Double.parseDouble(widths.group(1)), 0.01);
        assertTrue(!widths.find(), "no bar for a model without tokens");
        assertEquals(SvgRankingChart.WIDTH - SvgRankingChart.LABEL - SvgRankingChart.VALUE, big, 0.01);
        assertTrue(svg.contains("Tokens &lt;7 days&gt;"), "the title is escaped");
        assertTrue(svg.contains("1,000"));
    }

    @Test
    void anEmptyWeekSaysSo() {
        assertTrue(SvgRankingChart.render(List.of(new RankedModel("a/b", "B", 0)), "t").contains("No tokens served"));
    }
}
