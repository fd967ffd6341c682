package org.alliancelab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Structural tests of the simulation plots, on synthetic inputs with a fixed seed. */
class SimulationPlotsTest {

    static double[] normal(long seed, int n, double mean, double sd) {
        Random rng = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void histogramCountsEveryFiniteValueOnce() {
        double[] v = {0.0, 0.1, 0.1999, 0.2, 0.95, 1.0, Double.NaN, -3, 7};
        int[] counts = SamplingDistributionPlot.histogram(v, 0, 1, 5);
        // Bins of width 0.2: [0, .2) gets 0, .1, .1999 and the clamped -3; [.2, .4) gets .2;
        // [.8, 1] gets .95, 1.0 (upper edge) and the clamped 7. NaN is skipped.
        assertArrayEquals(new int[] {4, 1, 0, 0, 3}, counts);
    }

    @Test
    void samplingDistributionHasAPanelPerConditionAndTheTruthInTheLegend() throws Exception {
        List<SamplingDistributionPlot.Panel> panels = new ArrayList<>();
        double[] rel = {0.6, 0.8, 1.0};
        for (int c = 0; c < 3; c++) {
            panels.add(new SamplingDistributionPlot.Panel("reliability of early_change = " + rel[c],
                List.of(new SamplingDistributionPlot.Sample("Unadjusted r", normal(c, 500, 0.28, 0.02)),
                    new SamplingDistributionPlot.Sample("Adjusted r", normal(10 + c, 500, 0.22 + 0.02 * c, 0.03))),
                List.of(new SamplingDistributionPlot.Reference("Truth: unadjusted", 0.28),
                    new SamplingDistributionPlot.Reference("Truth: adjusted", 0.22 + 0.02 * c),
                    new SamplingDistributionPlot.Reference("Truth: causal", 0.2))));
        }
        Figure f = SamplingDistributionPlot.of(new SamplingDistributionPlot.Data("", "Pooled correlation r", panels), 720);
        TargetFiles.save("sampling-distribution", f);
        String text = SvgDocument.parse(f.toSvgDocument()).doc.getDocumentElement().getTextContent();
        for (double r : rel) {
            assertTrue(text.contains("reliability of early_change = " + r), "panel label " + r);
        }
        for (String legend : List.of("Unadjusted r", "Adjusted r", "Truth: unadjusted", "Truth: adjusted", "Truth: causal")) {
            assertTrue(text.contains(legend), legend);
        }
        assertEquals(3, count(text, "Replications"), "one y axis per panel");
    }

    @Test
    void performancePlotHasAMarkerAndAnErrorBarPerDefinedPoint() throws Exception {
        List<PerformanceSeries> series = List.of(
            new PerformanceSeries("Unadjusted, all studies", List.of(
                new PerformanceSeries.Point(0.6, new McEstimate(0.95, 0.007)),
                new PerformanceSeries.Point(0.8, new McEstimate(0.94, 0.0075)),
                new PerformanceSeries.Point(1.0, new McEstimate(0.93, 0.008)))),
            new PerformanceSeries("Adjusted", List.of(
                new PerformanceSeries.Point(0.6, new McEstimate(0.70, 0.014)),
                new PerformanceSeries.Point(0.8, new McEstimate(Double.NaN, Double.NaN)),
                new PerformanceSeries.Point(1.0, new McEstimate(0.90, 0.009)))));
        PerformancePlot.Data data = new PerformancePlot.Data("", "Reliability of early change",
            "Coverage of the causal r", series, 0.95, true);
        Figure f = PerformancePlot.of(data, 560, 360);
        TargetFiles.save("performance", f);
        SvgDocument svg = SvgDocument.parse(f.toSvgDocument());
        // Series 0: three defined points; series 1: the undefined (NaN) point is left out.
        assertEquals(3, svg.byIdPrefix("fig-chart-d0-s0-p1-i").size());
        assertEquals(2, svg.byIdPrefix("fig-chart-d0-s1-p1-i").size());
        assertEquals(3, svg.byIdPrefix("fig-chart-d0-s0-p0-i").size(), "error-bar pass");
        // Error bar of the first point spans value +- 2 MCSE: its length in pixels relative to
        // the distance between two points of known value gives the ratio back.
        double[] p0 = SvgDocument.centre(svg.byId("fig-chart-d0-s0-p1-i0"));
        double[] p2 = SvgDocument.centre(svg.byId("fig-chart-d0-s0-p1-i2"));
        double pxPerUnit = (p2[1] - p0[1]) / (0.93 - 0.95);
        double[] bar = SvgDocument.pathPointsOrLine(svg.byId("fig-chart-d0-s0-p0-i0"));
        double barLength = Math.abs(bar[3] - bar[1]);
        assertEquals(2 * PerformancePlot.MCSE_MULTIPLIER * 0.007, barLength / Math.abs(pxPerUnit), 0.001);
    }

    @Test
    void comparisonPlotShowsEveryWorldAndReportedValue() throws Exception {
        List<ScenarioComparisonPlot.Row> rows = List.of(
            new ScenarioComparisonPlot.Row("Pooled r, all studies", 0.28, List.of(
                new ScenarioComparisonPlot.WorldValue(0.281, 0.012), new ScenarioComparisonPlot.WorldValue(0.279, 0.012))),
            new ScenarioComparisonPlot.Row("Adjusted r", 0.22, List.of(
                new ScenarioComparisonPlot.WorldValue(0.221, 0.02), new ScenarioComparisonPlot.WorldValue(0.218, 0.02))),
            new ScenarioComparisonPlot.Row("Substance use", 0.14, List.of(
                new ScenarioComparisonPlot.WorldValue(0.14, 0.03), new ScenarioComparisonPlot.WorldValue(Double.NaN, 0))));
        ScenarioComparisonPlot.Data data = new ScenarioComparisonPlot.Data("", "Correlation r",
            List.of("fluckiger2018", "fluckiger2018-null"), "Reported (synthesis)", rows);
        Figure f = ScenarioComparisonPlot.of(data, 720);
        TargetFiles.save("comparison", f);
        SvgDocument svg = SvgDocument.parse(f.toSvgDocument());
        String text = svg.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("fluckiger2018-null") && text.contains("Reported (synthesis)"));
        assertTrue(!svg.byIdPrefix("fig-chart-d0-s0-c2").isEmpty(), "world 0 has substance use");
        assertTrue(svg.byIdPrefix("fig-chart-d0-s1-c2").isEmpty(), "world 1 lacks substance use (NaN)");
        for (int c = 0; c < 3; c++) {
            assertTrue(!svg.byIdPrefix("fig-chart-d1-s0-c" + c).isEmpty(), "reported value of row " + c);
        }
        assertThrows(IllegalArgumentException.class, () -> new ScenarioComparisonPlot.Data("", "r",
            List.of("a", "b"), "rep", List.of(new ScenarioComparisonPlot.Row("x", 0.1,
                List.of(new ScenarioComparisonPlot.WorldValue(0.1, 0.01))))));
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
