package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.report.HtmlReport;
import org.alliancelab.report.SimulationOutput;
import org.alliancelab.report.SimulationOutputReader;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of real {@code simulate} output: small runs (few replications, fixed seeds) of
 * the built-in scenarios, read back by the report's reader; the summary read back equals the one
 * the run returned.
 */
class ReportOfSimulateRunTest {

    @TempDir
    static Path tmp;

    static void execute(Object command, String... args) {
        CliRun run = CliRun.ofCommand(command, args);
        assertEquals(0, run.exitCode(), run.err());
    }

    @BeforeAll
    static void simulate() {
        execute(new SimulateCommand(), "--scenario", "causal", "--reps", "40", "--threads", "1", "--quiet",
            "--out", tmp.resolve("causal").toString());
        execute(new SimulateCommand(), "--scenario", "fluckiger2018,fluckiger2018-null", "--reps", "20",
            "--threads", "1", "--quiet", "--out", tmp.toString());
    }

    @Test
    void summaryReadBackEqualsTheSummaryTheRunReturned() throws Exception {
        Path dir = tmp.resolve("direct");
        RunSummary returned = MonteCarloRunner.of(ScenarioDesign.of(Scenario.resolve("causal").withReplications(40),
            Engine.SUFFICIENT)).run(dir).summary().orElseThrow();
        RunSummary read = RunSummary.read(dir);
        assertEquals(returned.scenario(), read.scenario());
        assertEquals(returned.seed(), read.seed());
        assertEquals(returned.replications(), read.replications());
        assertEquals(returned.engine(), read.engine());
        // Records compare doubles bit for bit (NaN equal to NaN): the file loses nothing. The file
        // nests measures by analysis, measure, estimand, so it returns them in that order.
        assertEquals(returned.conditions().size(), read.conditions().size());
        for (int i = 0; i < read.conditions().size(); i++) {
            ConditionSummary r = returned.conditions().get(i);
            ConditionSummary f = read.conditions().get(i);
            assertEquals(r.info(), f.info());
            assertEquals(r.failures(), f.failures());
            assertEquals(r.replications(), f.replications());
            assertEquals(r.measures().size(), f.measures().size());
            assertEquals(new java.util.HashSet<>(r.measures()), new java.util.HashSet<>(f.measures()));
        }
        assertTrue(returned.conditions().get(0).measures().size() > 50);

        SimulationOutput report = SimulationOutputReader.read(dir);
        assertEquals(read, report.summary());
        for (ConditionSummary c : report.conditions()) {
            assertEquals(report.replications(), report.pooled(c.info().index(), "unadjusted_all.r").length);
        }
        assertTrue(report.graph().isPresent(), "causal graph from the scenario definition");
        assertEquals("reliability of early_change = 0.6", report.conditionLabel(report.conditions().get(0)));
    }

    @Test
    void gridRunGetsEveryPlotAndTwoWorldsGetTheComparison() throws Exception {
        SimulationOutput causal = SimulationOutputReader.read(tmp.resolve("causal"));
        String one = HtmlReport.render(List.of(causal));
        assertTrue(one.contains("data-plot=\"causal-graph\"") && one.contains("data-plot=\"sampling-distribution\"")
            && one.contains("data-plot=\"rejection-rate\"") && one.contains("data-plot=\"coverage\""));
        for (double rel : new double[] {0.6, 0.8}) {
            assertTrue(one.contains("reliability of early_change = " + rel), "panel " + rel);
        }
        Path out = tmp.resolve("worlds.html");
        execute(new ReportCommand(), tmp.resolve("fluckiger2018").toString(), tmp.resolve("fluckiger2018-null").toString(),
            "--out", out.toString());
        String two = Files.readString(out);
        assertTrue(two.contains("data-plot=\"comparison\""));
        // The calibrated worlds have the timing and disorder moderators: all six rows are drawn.
        for (String row : List.of("Pooled r, all studies", "Late alliance", "Early alliance", "Substance-use samples")) {
            assertTrue(two.contains(row), row);
        }
    }

    /**
     * In fluckiger2018 the adjusted analysis pools the studies that report an adjusted estimate:
     * the truth table shows that population's values beside all studies', as the simulator's own
     * {@code TruthValues} give them (not read from the report's page).
     */
    @Test
    void truthTableShowsThePopulationEachAnalysisPools() throws Exception {
        SimulationOutput run = SimulationOutputReader.read(tmp.resolve("fluckiger2018"));
        String html = HtmlReport.render(List.of(run));
        var info = run.conditions().get(0).info();
        double all = info.truth(org.alliancelab.simulate.results.Estimand.ADJUSTED);
        double reporters = info.truthAmongReporters(org.alliancelab.simulate.results.Estimand.ADJUSTED);
        assertTrue(Math.abs(all - reporters) > 0.005, all + " vs " + reporters);
        String table = html.substring(html.indexOf("<h3>Population values (truth)</h3>"),
            html.indexOf("<h3>Sampling distributions"));
        String allRow = table.substring(table.indexOf("all studies (unadjusted_all"));
        String reportingRow = table.substring(table.indexOf("studies reporting an adjusted estimate (adjusted"));
        // the second cell after the population is the adjusted truth (columns: unadjusted, adjusted, ...)
        assertTrue(allRow.split("<td>")[2].startsWith(String.format(java.util.Locale.ROOT, "%.3f<", all)), allRow);
        assertTrue(reportingRow.split("<td>")[2].startsWith(String.format(java.util.Locale.ROOT, "%.3f<", reporters)),
            reportingRow);
    }

    /**
     * A moderator level's analysis pools only that level's studies: the truth table has a row
     * per level with the simulator's values of that level ({@code ConditionInfo.truthByModerator}),
     * and the all-studies row no longer claims the moderator analyses.
     */
    @Test
    void truthTableHasARowPerModeratorLevel() throws Exception {
        SimulationOutput run = SimulationOutputReader.read(tmp.resolve("fluckiger2018"));
        String html = HtmlReport.render(List.of(run));
        var info = run.conditions().get(0).info();
        String table = html.substring(html.indexOf("<h3>Population values (truth)</h3>"),
            html.indexOf("<h3>Sampling distributions"));
        assertTrue(!table.contains("moderator and bias analyses"), table);
        String footer = html.substring(html.indexOf("<footer>"), html.indexOf("</footer>"));
        assertTrue(footer.startsWith("<footer>Generated by " + run.software() + "."), footer);
        assertEquals(footer.indexOf("alliance-lab"), footer.lastIndexOf("alliance-lab"), "named once: " + footer);
        assertTrue(!info.truthByModerator().isEmpty(), "fluckiger2018 has moderator levels that change the model");
        int rows = 0;
        for (var moderator : info.truthByModerator().entrySet()) {
            for (var level : moderator.getValue().entrySet()) {
                List<String> cells = cells(table, 1, "(" + moderator.getKey() + "=" + level.getKey() + ")");
                for (int i = 0; i < org.alliancelab.simulate.results.Estimand.TRUTHS.size(); i++) {
                    double v = org.alliancelab.simulate.results.Estimand.TRUTHS.get(i).of(level.getValue());
                    assertEquals(String.format(java.util.Locale.ROOT, "%.3f", v), cells.get(2 + i), cells.toString());
                }
                rows++;
            }
        }
        double early = info.truthPooledBy("timing=early", org.alliancelab.simulate.results.Estimand.UNADJUSTED);
        assertTrue(Math.abs(early - info.truth(org.alliancelab.simulate.results.Estimand.UNADJUSTED)) > 0.03,
            "the level's value differs from all studies'");
        assertEquals(4, rows, "two levels of timing and two of disorder");
    }

    /**
     * The difference tests are judged against the true difference, not the causal value: their
     * rows show bias and coverage against their own target as summary.json has them.
     */
    @Test
    void performanceTableShowsEachAnalysisAgainstItsOwnTarget() throws Exception {
        SimulationOutput run = SimulationOutputReader.read(tmp.resolve("fluckiger2018"));
        String html = HtmlReport.render(List.of(run));
        ConditionSummary c = run.conditions().get(0);
        String table = html.substring(html.indexOf("<table class=\"perf\">"));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> header = cells(table, 0, "Analysis");
        int target = header.indexOf("Own target");
        int bias = header.indexOf("Bias vs own target");
        int coverage = header.indexOf("Coverage of own target");
        assertTrue(target > 0 && bias > 0 && coverage > 0, header.toString());
        for (String a : List.of("difference_subgroup", "difference_paired", "adjusted", "timing=early")) {
            var own = org.alliancelab.simulate.results.Analyses.target(a);
            List<String> cells = cells(table, 0, a);
            assertEquals(own.key() + " " + String.format(java.util.Locale.ROOT,
                own == org.alliancelab.simulate.results.Estimand.DIFFERENCE ? "%.4f" : "%.3f",
                c.info().truthPooledBy(a, own)), cells.get(target), a);
            for (String[] m : new String[][] {{"bias", String.valueOf(bias)}, {"coverage", String.valueOf(coverage)}}) {
                var x = c.find(a, m[0], own.key()).orElseThrow();
                String value = org.alliancelab.simulate.results.McseFormat.parts(x.value(), x.mcse(), x.replications(),
                    org.alliancelab.simulate.results.MeasureNames.isProportion(m[0]), 3).value();
                assertTrue(cells.get(Integer.parseInt(m[1])).startsWith(value + " "), a + " " + m[0] + " " + cells);
            }
        }
    }

    /** The text of each cell of the first table row whose cell {@code column} ends with {@code text}. */
    private static List<String> cells(String table, int column, String text) {
        for (String row : table.split("<tr>")) {
            List<String> cells = new java.util.ArrayList<>();
            for (String cell : row.split("</t[dh]>")) {
                int open = Math.max(cell.lastIndexOf("<td"), cell.lastIndexOf("<th"));
                if (open >= 0) {
                    String inner = cell.substring(cell.indexOf('>', open) + 1);
                    cells.add(inner.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").trim());
                }
            }
            if (cells.size() > column && cells.get(column).endsWith(text)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + text + " in " + table);
    }
}
