package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.RunSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline command end to end: both calibrated worlds reproduce the synthesis's table
 * (Flückiger et al. 2018, doi:10.1037/pst0000172) by simulation, within .02 as the issue asks
 * of the population values, while their causal truths differ. 300 replications: the MCSE of
 * each mean is at most about .0015, so .02 leaves over 10 MCSEs for Monte Carlo error beyond
 * the calibration (seeds fixed).
 */
@Tag("slow")
class HeadlineTest {
    @TempDir
    Path tmp;

    @Test
    void bothWorldsReproduceTheTable() throws Exception {
        // Configured as the application configures it (case-insensitive option values).
        CliRun run = CliRun.of("simulate", "--scenario", "fluckiger2018,fluckiger2018-null", "--reps", "300",
            "--threads", "2", "--out", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
        assertTrue(text.contains("Which causal world produces the synthesis's table?"));
        // The explicit answer: both tests, one sentence each, and the non-collapsibility note.
        assertTrue(text.contains("Verdict: can the adjusted-versus-unadjusted tests tell fluckiger2018 from "
            + "fluckiger2018-null?"), text);
        assertTrue(text.contains("the subgroup test cannot tell the worlds apart"), text);
        assertTrue(text.contains("the paired test cannot tell the worlds apart"), text);
        assertTrue(text.contains("non-collapsibility"), text);
        assertTrue(!text.contains("(0.000)") && !text.contains("± 0.0000"), "no MCSE printed as zero");
        for (String world : new String[] {"fluckiger2018", "fluckiger2018-null"}) {
            ConditionSummary c = RunSummary.read(tmp.resolve(world)).conditions().get(0);
            assertMean(c, "unadjusted_all", 0.28);
            assertMean(c, "unadjusted_reporting", 0.25);
            assertMean(c, "adjusted", 0.22);
            assertMean(c, "timing=late", 0.30);
            assertMean(c, "timing=early", 0.22);
            assertMean(c, "disorder=substance_use", 0.14);
            assertEquals(295, c.find("studies", "mean_k", "").orElseThrow().value(), 0.5);
            assertEquals(66, c.find("studies", "mean_k_adjusted", "").orElseThrow().value(), 2);
            // "only 5 of 295 sample correlations were negative" (~1.7%): within 1.5 points
            assertEquals(5.0 / 295, c.find("studies", "share_negative", "").orElseThrow().value(), 0.015);
        }
        double causal = RunSummary.read(tmp.resolve("fluckiger2018")).conditions().get(0).info().truth().causal();
        double causalNull = RunSummary.read(tmp.resolve("fluckiger2018-null")).conditions().get(0).info().truth()
            .causal();
        assertTrue(causal > 0.1, "the causal world has a causal effect: " + causal);
        assertEquals(0, causalNull, 1e-12);
    }

    private static void assertMean(ConditionSummary c, String analysis, double target) {
        double mean = c.find(analysis, "mean", "").orElseThrow().value();
        assertEquals(target, mean, 0.02, analysis);
    }
}
