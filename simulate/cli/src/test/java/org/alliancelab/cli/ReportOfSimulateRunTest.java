package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.report.ConditionResult;
import org.alliancelab.report.HtmlReport;
import org.alliancelab.report.SimulationOutput;
import org.alliancelab.report.SimulationOutputReader;
import org.alliancelab.simulate.montecarlo.ConditionSummary;
import org.alliancelab.simulate.montecarlo.Measure;
import org.alliancelab.simulate.montecarlo.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of real {@code simulate} output: small runs (few replications, fixed seeds) of
 * the built-in scenarios, read back by the report's reader and cross-checked against the
 * simulator's own reader of summary.json.
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
    void readerAgreesWithTheSimulatorsOwnReader() throws Exception {
        Path dir = tmp.resolve("causal");
        SimulationOutput mine = SimulationOutputReader.read(dir);
        RunSummary theirs = RunSummary.read(dir);
        assertEquals(theirs.scenario(), mine.scenario());
        assertEquals(theirs.replications(), mine.replications());
        assertEquals(theirs.conditions().size(), mine.conditions().size());
        int checked = 0;
        for (int i = 0; i < theirs.conditions().size(); i++) {
            ConditionSummary t = theirs.conditions().get(i);
            ConditionResult m = mine.conditions().get(i);
            assertEquals(t.info().factors(), m.factors());
            assertEquals(t.info().truth(), m.truth());
            for (Measure x : t.measures()) {
                double v = m.measure(x.analysis(), x.measure(), x.estimand()).orElseThrow().value();
                assertEquals(x.value(), v, 0.0, x.toString());
                checked++;
            }
            assertEquals(mine.replications(), mine.pooled(m.index(), "unadjusted_all.r").length);
        }
        assertTrue(checked > 50, "measures compared: " + checked);
        assertTrue(mine.graph().isPresent(), "causal graph from the scenario definition");
        assertEquals("reliability of early_change = 0.6", mine.conditionLabel(mine.conditions().get(0)));
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
}
