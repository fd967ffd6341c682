package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encouragement-trial scenarios on the command line: errors, simulate, truth, report. */
class EncouragementTrialCommandTest {
    @TempDir
    Path tmp;

    private Path scenario(String edit) throws Exception {
        String json = Scenario.builtIn("encouragement-trial").toJson();
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, edit == null ? json : json.replaceFirst("\\{\\s*\"share\"\\s*:\\s*0\\.5\\s*}", edit));
        return file;
    }

    @Test
    void badRandomizedSpecIsOneLineExitTwo() throws Exception {
        Path bad = scenario("{\"share\": 0}");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliRun r = CliRun.of("simulate", "--scenario", bad.toString(), "--out", out.resolve("run").toString());
        String line = r.assertOneLineUserError(out);
        assertTrue(line.endsWith("bad.json: /model/nodes/5/randomized/share: must be in (0, 1) (exclusive), got 0.0"), line);
        CliRun t = CliRun.of("truth", "--scenario", scenario("{\"distribution\": \"binary\"}").toString());
        assertTrue(t.assertOneLineUserError(out).contains("/model/nodes/5/randomized/share: a binary randomized node needs its share"),
            t.err());
    }

    @Test
    void simulateTruthAndReportRunOnTheBuiltIn() throws Exception {
        Path run = tmp.resolve("run");
        CliRun sim = CliRun.of("simulate", "--scenario", "encouragement-trial", "--reps", "20", "--quiet", "--out",
            run.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        String summary = Files.readString(run.resolve("summary.csv"));
        assertTrue(summary.contains(",iv,coverage,iv_causal_effect,"), "iv coverage in summary.csv");
        assertTrue(summary.contains(",iv,mean_share_weak,"), "weak-instrument share in summary.csv");
        CliRun report = CliRun.of("report", run.toString(), "--out", tmp.resolve("r.html").toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(tmp.resolve("r.html"));
        assertTrue(html.contains("<code>iv_causal_effect</code>"), "the report names the IV targets");
        assertTrue(html.contains("<tr><td>iv</td>"), "the report has a row of the iv analysis");
        CliRun truth = CliRun.of("truth", "--scenario", "encouragement-trial-null");
        assertEquals(0, truth.exitCode(), truth.err());
        assertTrue(truth.out().contains("IV estimand cov(Z, Y)/cov(Z, X) 0.0000"), truth.out());
        CliRun json = CliRun.of("truth", "--scenario", "encouragement-trial", "--format", "json");
        assertTrue(json.out().contains("\"iv_causal_effect\""), json.out());
    }
}
