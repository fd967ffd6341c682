package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Measure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported MCSEs describe the actual run-to-run variation: 40 independent runs (master
 * seeds 1..40) of the fake design, 200 replications each; the standard deviation of their
 * bias and coverage estimates must match the mean reported MCSE. With 40 runs an SD estimate
 * has relative SE about 1/sqrt(78) = 11%; the tolerance of 35% is over 3 of those
 * (false-alarm rate below 0.3%; the seeds are fixed, so the outcome is too). Slow (about 8 s:
 * 160 checkpoint blocks and 120 output files, each forced to disk).
 */
@Tag("slow")
class McseCalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void reportedMcseMatchesTheSpreadOverIndependentRuns() throws IOException {
        int runs = 40;
        RunningMoments bias = new RunningMoments();
        RunningMoments biasMcse = new RunningMoments();
        RunningMoments coverage = new RunningMoments();
        RunningMoments coverageMcse = new RunningMoments();
        RunningMoments empSe = new RunningMoments();
        RunningMoments empSeMcse = new RunningMoments();
        for (int s = 1; s <= runs; s++) {
            RunResult r = MonteCarloRunner.of(new FakeDesign(s, 200, 1, "m")).run(tmp.resolve("r" + s));
            ConditionSummary c = r.summary().orElseThrow().conditions().get(0);
            Measure b = c.find("first", "bias", "causal").orElseThrow();
            Measure cov = c.find("first", "coverage", "causal").orElseThrow();
            Measure e = c.find("first", "empirical_se", "").orElseThrow();
            bias.add(b.value());
            biasMcse.add(b.mcse());
            coverage.add(cov.value());
            coverageMcse.add(cov.mcse());
            empSe.add(e.value());
            empSeMcse.add(e.mcse());
        }
        assertEquals(1, bias.standardDeviation() / biasMcse.mean(), 0.35, "bias");
        assertEquals(1, coverage.standardDeviation() / coverageMcse.mean(), 0.35, "coverage");
        assertEquals(1, empSe.standardDeviation() / empSeMcse.mean(), 0.35, "empirical SE");
        // and the fake's true sampling SD is recovered
        assertEquals(FakeDesign.SD, empSe.mean(), 3 * empSeMcse.mean() / Math.sqrt(runs));
    }
}
