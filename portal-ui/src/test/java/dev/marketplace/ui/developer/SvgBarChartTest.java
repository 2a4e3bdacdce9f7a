package dev.marketplace.ui.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.activity.application.DailyUsage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgBarChartTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final int PLOT_HEIGHT = SvgBarChart.HEIGHT - SvgBarChart.TOP - SvgBarChart.BOTTOM;

    @ParameterizedTest
    @CsvSource({"0,1", "1,1", "4,1", "5,2", "8,2", "9,5", "20,5", "21,10", "40,10", "41,20", "399,100", "401,200",
            "1999999,500000", "2000001,1000000"})
    void ticksAreWholeRoundStepsThatReachTheMaximum(long max, long step) {
        assertEquals(step, SvgBarChart.tickStep(max));
        assertTrue(step * SvgBarChart.TICKS >= max);
    }

    @Test
    void emptyDataIsAWellFormedChartThatSaysSo() throws Exception {
        ChartData data = ChartData.of(List.of(), D1, D1.plusDays(6), DailyUsage::requests);
        Document svg = parse(SvgBarChart.render(data, "Requests", Long::toString));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(0, svg.getElementsByTagName("rect").getLength());
        assertTrue(svg.getDocumentElement().getTextContent().contains("No activity in this period"));
    }

    @Test
    void barsAreStackedAndScaledToTheAxis() throws Exception {
        // day 1: a=30, b=10 (total 40, the maximum: axis 0..40 in steps of 10); day 3: a=20
        List<DailyUsage> usage = List.of(new DailyUsage(D1, "a", 30, 0, 0), new DailyUsage(D1, "b", 10, 0, 0),
                new DailyUsage(D1.plusDays(2), "a", 20, 0, 0));
        ChartData data = ChartData.of(usage, D1, D1.plusDays(3), DailyUsage::costMicros);
        Document svg = parse(SvgBarChart.render(data, "Spend", Long::toString));

        List<Element> rects = elements(svg, "rect");
        assertEquals(3, rects.size());
        Map<String, Double> heights = new HashMap<>();
        for (Element r : rects) {
            heights.merge(r.getAttribute("data-series") + "@" + r.getAttribute("x"), d(r, "height"), Double::sum);
        }
        Element a1 = rects.get(0);
        Element b1 = rects.get(1);
        assertEquals("a", a1.getAttribute("data-series"));
        assertEquals(PLOT_HEIGHT * 30 / 40.0, d(a1, "height"), 0.01);
        assertEquals(PLOT_HEIGHT * 10 / 40.0, d(b1, "height"), 0.01);
        // b sits on top of a, and the stack reaches the top of the plot
        assertEquals(d(a1, "y"), d(b1, "y") + d(b1, "height"), 0.01);
        assertEquals(SvgBarChart.TOP, d(b1, "y"), 0.01);
        assertEquals(SvgBarChart.TOP + PLOT_HEIGHT, d(a1, "y") + d(a1, "height"), 0.01);
        assertEquals(PLOT_HEIGHT * 20 / 40.0, d(rects.get(2), "height"), 0.01);
        assertTrue(d(rects.get(2), "x") > d(a1, "x"), "later days further right");

        List<String> labels = new ArrayList<>();
        for (Element t : elements(svg, "text")) {
            labels.add(t.getTextContent());
        }
        assertTrue(labels.containsAll(List.of("0", "10", "20", "30", "40", "11-01", "11-04")), labels::toString);
        assertTrue(rects.get(0).getTextContent().contains("2026-11-01 · a: 30"), "tooltip with day, series, value");
    }

    @Test
    void namesAreEscapedSoTheMarkupStaysWellFormed() throws Exception {
        List<DailyUsage> usage = List.of(new DailyUsage(D1, "<b>\"x\" & 'y'</b>\u0001", 5, 0, 0));
        ChartData data = ChartData.of(usage, D1, D1, DailyUsage::costMicros);
        Document svg = parse(SvgBarChart.render(data, "A & B", Long::toString));
        assertEquals("<b>\"x\" & 'y'</b>\uFFFD", elements(svg, "rect").get(0).getAttribute("data-series"));
        Document legend = parse(SvgBarChart.legend(data));
        assertEquals("<b>\"x\" & 'y'</b>\uFFFD", legend.getDocumentElement().getTextContent());
    }

    @Test
    void aLongPeriodLabelsAtMostTenDays() throws Exception {
        List<DailyUsage> usage = List.of(new DailyUsage(D1, "m", 1, 1, 1));
        ChartData data = ChartData.of(usage, D1, D1.plusDays(89), DailyUsage::requests);
        Document svg = parse(SvgBarChart.render(data, "Requests", Long::toString));
        long dayLabels = elements(svg, "text").stream().filter(t -> t.getTextContent().matches("\\d\\d-\\d\\d")).count();
        assertTrue(dayLabels <= SvgBarChart.MAX_X_LABELS && dayLabels >= 5, "day labels: " + dayLabels);
    }

    private static double d(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
