package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alliancelab.plot.McEstimate;
import org.alliancelab.plot.PerformanceSeries;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path tmp;

    @Test
    void readerGetsConditionsTruthMeasuresAndPooledColumns() throws Exception {
        SimulationOutput run = SimulationOutputReader.read(ReportFixtures.write(tmp.resolve("a"), "fixture", 0.2, 1));
        assertEquals("fixture", run.scenario());
        assertEquals(3, run.conditions().size());
        assertEquals("reliability of early_change", run.factorLabels().get("/model/nodes/1/reliability"));
        assertEquals("reliability of early_change = 0.6", run.conditionLabel(run.conditions().get(0)));
        ConditionSummary c2 = run.conditions().get(2);
        assertEquals(0.2, c2.info().truth().causal());
        assertEquals(0.94, c2.find("adjusted", "coverage", "adjusted").orElseThrow().value());
        assertTrue(c2.find("adjusted", "coverage", "nonexistent").isEmpty());
        double[] adjusted = run.pooled(2, "adjusted.r");
        assertEquals(ReportFixtures.REPS, adjusted.length);
        assertTrue(Double.isNaN(adjusted[7]), "NA read as NaN (the failed replication)");
        assertEquals(ReportFixtures.REPS, run.pooled(0, "unadjusted_all.r").length);
        assertEquals(0, run.pooled(0, "unadjusted_all.p").length, "only pooled r columns are kept");
        assertTrue(run.graph().isPresent());
        assertEquals(5, run.graph().get().nodes().size());
        assertFalse(run.graph().get().nodes().get(4).observed());
    }

    @Test
    void oneRunGivesGraphDistributionAndPerformancePlotsAllInline() throws Exception {
        SimulationOutput run = SimulationOutputReader.read(ReportFixtures.write(tmp.resolve("a"), "fixture", 0.2, 1));
        String html = HtmlReport.render(List.of(run));
        List<String> kinds = plotKinds(html);
        assertEquals(List.of("causal-graph", "sampling-distribution", "rejection-rate", "coverage"), kinds);
        assertEquals(kinds.size(), count(html, "<svg "), "one inline svg per figure");
        assertNoExternalResources(html);
        assertUniqueIds(html);
        // Every inline SVG is well-formed XML on its own.
        for (String svg : svgs(html)) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        }
        // Truth table and performance table carry the fixture's values.
        assertTrue(html.contains("<td>reliability of early_change = 0.8</td>"));
        assertTrue(html.contains("0.940 <span class=\"mcse\">"), "coverage of own target with MCSE");
        assertTrue(html.contains("1 replications had a failed analysis"));
        // the footer names the program once, whether the run's software field names it or not
        String footer = html.substring(html.indexOf("<footer>"), html.indexOf("</footer>"));
        assertEquals(1, count(footer, "alliance-lab"), footer);
        assertTrue(footer.contains(run.software().replace("alliance-lab ", "")), footer);
    }

    @Test
    void withoutReplicationsCsvTheDistributionsGiveWayToANote() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("a"), "fixture", 0.2, 1);
        java.nio.file.Files.delete(dir.resolve("replications.csv"));
        String html = HtmlReport.render(List.of(SimulationOutputReader.read(dir)));
        assertEquals(List.of("causal-graph", "rejection-rate", "coverage"), plotKinds(html));
        assertTrue(html.contains("No replications.csv with pooled correlations"));
    }

    @Test
    void twoRunsOpenWithTheComparisonAgainstTheSynthesis() throws Exception {
        SimulationOutput causal = SimulationOutputReader.read(ReportFixtures.write(tmp.resolve("c"), "fluckiger2018", 0.2, 1));
        SimulationOutput none = SimulationOutputReader.read(ReportFixtures.write(tmp.resolve("n"), "fluckiger2018-null", 0.0, 2));
        String html = HtmlReport.render(List.of(causal, none));
        List<String> kinds = plotKinds(html);
        assertEquals("comparison", kinds.get(0));
        assertEquals(1 + 2 * 4, kinds.size());
        assertTrue(html.indexOf("id=\"comparison\"") < html.indexOf("id=\"r0-run\""));
        assertTrue(html.contains("Fl\u00fcckiger et al. (2018)"));
        assertUniqueIds(html);
        // The difference-test table: the fixture's rejection rates of the paired test per world.
        assertTrue(html.contains("<td>0.300 <span class=\"mcse\">(0.030)</span></td><td>0.550"), "paired test row");
    }

    @Test
    void performanceSeriesAverageOverOtherFactorsAndCombineMcse() {
        // Two factors a, b; the series for a = 1 averages the conditions (a=1,b=1) and (a=1,b=2).
        List<ConditionSummary> conditions = List.of(
            condition(0, 1, 1, 0.90, 0.03), condition(1, 1, 2, 0.80, 0.04),
            condition(2, 2, 1, 0.70, 0.03), condition(3, 2, 2, Double.NaN, Double.NaN));
        SimulationOutput run = new SimulationOutput(tmp, new RunSummary("s", "", 1, 100, "patient", conditions, ""), "",
            java.util.Optional.empty(), java.util.Map.of(), java.util.Map.of());
        List<PerformanceSeries> series = HtmlReport.series(run, "a", new java.util.TreeSet<>(Set.of(1.0, 2.0)),
            new String[][] {{"adjusted", "coverage", "causal", "Adjusted"}});
        assertEquals(1, series.size());
        McEstimate a1 = series.get(0).points().get(0).estimate();
        assertEquals(0.85, a1.value(), 1e-12);
        assertEquals(Math.sqrt(0.03 * 0.03 + 0.04 * 0.04) / 2, a1.mcse(), 1e-12);
        McEstimate a2 = series.get(0).points().get(1).estimate();
        assertArrayEquals(new double[] {0.70, 0.03}, new double[] {a2.value(), a2.mcse()}, 1e-12,
            "undefined condition left out of the average");
    }

    @Test
    void twoFactorsArePlottedInFacetsOfTheOtherNotAveraged() {
        List<ConditionSummary> conditions = List.of(
            condition(0, 1, 1, 0.90, 0.03), condition(1, 1, 2, 0.80, 0.04),
            condition(2, 2, 1, 0.70, 0.03), condition(3, 2, 2, 0.60, 0.02));
        SimulationOutput run = new SimulationOutput(tmp, new RunSummary("s", "", 1, 100, "patient", conditions, ""), "",
            java.util.Optional.empty(), java.util.Map.of(), java.util.Map.of());
        List<PerformanceSeries> atB2 = HtmlReport.series(run, "a", new java.util.TreeSet<>(Set.of(1.0, 2.0)),
            new String[][] {{"adjusted", "coverage", "causal", "Adjusted"}}, c -> c.info().factors().get("b") == 2.0);
        assertEquals(0.80, atB2.get(0).points().get(0).estimate().value(), 0.0, "a = 1, b = 2 alone");
        assertEquals(0.04, atB2.get(0).points().get(0).estimate().mcse(), 0.0);
        assertEquals(0.60, atB2.get(0).points().get(1).estimate().value(), 0.0, "a = 2, b = 2 alone");
        String html = HtmlReport.render(List.of(run));
        // a on x in a panel per level of b, and b on x in a panel per level of a: four coverage plots
        assertEquals(4, plotKinds(html).stream().filter("coverage"::equals).count(), html);
        for (String caption : List.of("Coverage against a at b = 1", "Coverage against a at b = 2",
            "Coverage against b at a = 1", "Coverage against b at a = 2")) {
            assertTrue(html.contains(caption), caption);
        }
        assertUniqueIds(html);
    }

    /**
     * The performance table's MCSEs: a constant's MCSE of 0 is left out, the rule of three bounds
     * proportions only, and a tiny value is printed to its MCSE's last digit.
     */
    @Test
    void performanceTableFormatsMcsesByTheirKind() {
        TruthValues none = new TruthValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        ConditionSummary c = new ConditionSummary(new ConditionInfo(0, java.util.Map.of(), none, none, 0.05,
            java.util.Map.of()), 200, List.of(
                new Measure("unadjusted_all", "mean_k", "", 66, 0, 200),
                new Measure("unadjusted_all", "coverage", "causal", 0, 0, 200),
                new Measure("unadjusted_all", "rejection_rate", "", 1, 0, 200),
                new Measure("difference_paired", "mean_tau2", "", 3.1e-8, 2.7e-8, 200),
                new Measure("studies", "mean_invalid_draws", "", 0, 0, 200),
                new Measure("studies", "mean_suppressed", "", 1, 0, 200)), List.of());
        SimulationOutput run = new SimulationOutput(tmp, new RunSummary("s", "", 1, 200, "patient", List.of(c), ""), "",
            java.util.Optional.empty(), java.util.Map.of(), java.util.Map.of());
        String html = HtmlReport.render(List.of(run));
        String table = html.substring(html.indexOf("<table class=\"perf\">"));
        table = table.substring(0, table.indexOf("</table>"));
        assertTrue(table.contains("<td>66.0</td>"), "mean k without an MCSE: " + table);
        assertFalse(table.contains("(0)"), table);
        assertTrue(table.contains("<td>0.000 <span class=\"mcse\">(&lt; 0.015, one-sided 95%)</span></td>"), table);
        assertTrue(table.contains("<td>1.000 <span class=\"mcse\">(&gt; 0.985, one-sided 95%)</span></td>"), table);
        assertTrue(table.contains("mean_invalid_draws 0.000;") || table.contains("mean_invalid_draws 0.000<"), table);
        assertTrue(table.contains("mean_suppressed 1.000<"), table);
        assertTrue(table.contains("<td>0.000000031 <span class=\"mcse\">(0.000000027)</span></td>"), table);
    }

    private static ConditionSummary condition(int index, double a, double b, double value, double mcse) {
        TruthValues none = new TruthValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new ConditionSummary(new ConditionInfo(index, new java.util.LinkedHashMap<>(java.util.Map.of("a", a, "b", b)),
            none, none, 0.05, java.util.Map.of()),
            100, List.of(new Measure("adjusted", "coverage", "causal", value, mcse, 100)), List.of());
    }

    static List<String> plotKinds(String html) {
        Matcher m = Pattern.compile("data-plot=\"([^\"]+)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<String> svgs(String html) {
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static void assertNoExternalResources(String html) {
        String stripped = html.replaceAll("xmlns(:\\w+)?=['\"][^'\"]*['\"]", "");
        assertFalse(stripped.contains("http://") || stripped.contains("https://"), "no network references");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no linked resources");
    }

    static void assertUniqueIds(String html) {
        Matcher m = Pattern.compile(" id=['\"]([^'\"]+)['\"]").matcher(html);
        Set<String> seen = new HashSet<>();
        while (m.find()) {
            assertTrue(seen.add(m.group(1)), "duplicate id " + m.group(1));
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
