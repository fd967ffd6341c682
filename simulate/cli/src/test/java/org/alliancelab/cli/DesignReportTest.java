package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.results.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's design section for the encouragement trials and the session-by-session designs:
 * each test's rejection rate is named power in the causal world and size in the null world, and
 * the causal values are those of the run's own summary.
 */
class DesignReportTest {

    @TempDir
    Path tmp;

    private Path simulate(String scenario) {
        Path out = tmp.resolve(scenario);
        CliRun r = CliRun.of("simulate", "--scenario", scenario, "--reps", "20", "--threads", "1", "--quiet", "--out",
            out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static String report(Path dir) throws Exception {
        CliRun r = CliRun.of("report", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(dir.resolve("report.html"));
    }

    private static String section(String html) {
        int a = html.indexOf("<h3>Does the design find the causal effect?</h3>");
        assertTrue(a >= 0, "design section");
        return html.substring(a, html.indexOf("</table>", a));
    }

    @Test
    void encouragementTrialsAreJudgedAgainstTheCausalEffect() throws Exception {
        Path causal = simulate("encouragement-trial");
        String html = section(report(causal));
        RunSummary run = RunSummary.read(causal);
        ConditionSummary c = run.conditions().get(0);
        double mean = c.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.MEAN);
        double bias = c.find(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.BIAS, Estimand.IV_CAUSAL_EFFECT.key())
            .orElseThrow().value();
        assertTrue(html.contains(String.format(Locale.ROOT, "<td>%.3f</td>", mean - bias)), html);
        assertTrue(html.contains("Intention-to-treat effect") && html.contains("(power)"), html);
        assertFalse(html.contains("(size)"), "the causal world has no size rows");
        String nul = section(report(simulate("encouragement-trial-null")));
        assertTrue(nul.contains("(size)") && !nul.contains("(power)"), nul);
        assertTrue(nul.contains("Pooled Wald ratio, Anderson-Rubin set"), nul);
        // with the exclusion violation the ITT test's null is false in the null world too: not its size
        int violated = 0;
        int valid = 0;
        for (String row : nul.split("</tr>")) {
            if (row.contains("Intention-to-treat") && row.contains("exclusion_violation = 0.05")) {
                assertTrue(row.contains("not size"), row);
                violated++;
            } else if (row.contains("Intention-to-treat")) {
                assertTrue(row.contains("(size)"), row);
                valid++;
            }
        }
        assertEquals(List.of(2, 2), List.of(violated, valid), "ITT rows with and without the violation");
    }

    @Test
    void sessionDesignsShowEachAnalysisAgainstTheCrossLaggedEffect() throws Exception {
        String html = section(report(simulate("session-by-session-null")));
        for (String test : new String[] {"Between-person correlation", "Naive lagged regression",
            "Within-person lagged effect"}) {
            assertTrue(html.contains(test), test);
        }
        assertTrue(html.contains("(size)") && !html.contains("(power)"), html);
        assertFalse(html.contains("Intention-to-treat"), "no encouragement rows");
    }

    @Test
    void compareShowsTheDesignsTests() throws Exception {
        Path dir = simulate("encouragement-trial-null");
        CliRun r = CliRun.of("compare", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        ConditionSummary c = RunSummary.read(dir).conditions().get(0);
        var mean = c.find(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.MEAN, "").orElseThrow();
        String row = r.out().lines().filter(l -> l.contains("pooled IV estimate (Wald / 2SLS)")).findFirst()
            .orElseThrow();
        assertTrue(row.endsWith(org.alliancelab.simulate.results.McseFormat.estimate(mean.value(), mean.mcse())), row);
        assertTrue(r.out().contains("ITT test rejects no encouragement effect"), r.out());
        CliRun plain = CliRun.of("compare", simulate("causal").toString());
        assertFalse(plain.out().contains("IV estimate") || plain.out().contains("lagged"), "no design rows without a design");
    }
}
