package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster slurm} scripts and {@code cluster status} without a scheduler (SlurmClusterTest runs them on Slurm). */
class ClusterCommandTest {
    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        Path jar = tmp.resolve("alliance-lab.jar");
        Files.writeString(jar, "not really a jar; only its path goes into the scripts");
        return jar;
    }

    @Test
    void writesAReadableArrayJobAndAChainedMerge() throws IOException {
        Path dir = tmp.resolve("run");
        CliRun r = CliRun.of("cluster", "slurm", "--scenario", "causal", "--reps", "100", "--tasks", "3", "--cpus", "4",
            "--mem", "2G", "--time", "00:30:00", "--partition", "short", "--jar", jar().toString(), "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Submit with: " + dir.toAbsolutePath().resolve("submit.sh")), r.out());
        String array = Files.readString(dir.resolve("array.sbatch"));
        for (String line : new String[] {"#SBATCH --array=1-3", "#SBATCH --cpus-per-task=4", "#SBATCH --mem=2G",
            "#SBATCH --time=00:30:00", "#SBATCH --partition=short", "shard-%a.out", "shard-%a.err", "--shard auto/3",
            "--threads \"${SLURM_CPUS_PER_TASK:-4}\"", "simulate --scenario '" + dir.toAbsolutePath() + "/scenario.json'"}) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        String merge = Files.readString(dir.resolve("merge.sbatch"));
        assertTrue(merge.contains("collect --quiet --out '" + dir.toAbsolutePath() + "/result'"), merge);
        assertTrue(merge.contains("/shards/shard-3'"), merge);
        assertTrue(Files.readString(dir.resolve("submit.sh")).contains("--dependency=afterok:"));
        String scenario = Files.readString(dir.resolve("scenario.json"));
        assertTrue(scenario.contains("\"replications\" : 100"), scenario);
        // The directory is taken: a second cluster slurm into it is refused.
        CliRun again = CliRun.of("cluster", "slurm", "--scenario", "causal", "--tasks", "3", "--jar", jar().toString(),
            "--out", dir.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already holds a cluster run"), again.err());
    }

    @Test
    void badOptionsAreOneLine() throws IOException {
        String[][] cases = {
            {"causal", "--tasks", "0"}, {"causal", "--tasks", "2", "--time", "soon"},
            {"causal", "--tasks", "2", "--mem", "lots"}, {"nosuch", "--tasks", "2"}};
        String[] expected = {"at least 1", "--time", "--mem", "nosuch"};
        for (int k = 0; k < cases.length; k++) {
            String[] c = cases[k];
            String[] args = new String[c.length + 6];
            args[0] = "cluster";
            args[1] = "slurm";
            args[2] = "--scenario";
            args[3] = c[0];
            args[4] = "--jar";
            args[5] = jar().toString();
            args[6] = "--out=" + tmp.resolve("x");
            System.arraycopy(c, 1, args, 7, c.length - 1);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(expected[k]), r.err());
        }
        CliRun notCluster = CliRun.of("cluster", "status", tmp.toString());
        assertEquals(2, notCluster.exitCode());
        assertTrue(notCluster.err().contains("not a cluster directory"), notCluster.err());
    }

    /** Complete, failed (started, not finished, with its log tail) and missing shards, and no merge yet. */
    @Test
    void statusTellsTheShardsApart() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, CliRun.of("cluster", "slurm", "--scenario", "causal", "--reps", "60", "--tasks", "3",
            "--jar", jar().toString(), "--out", dir.toString()).exitCode());
        Path scenario = dir.resolve("scenario.json");
        for (int i = 1; i <= 2; i++) {
            CliRun s = CliRun.of("simulate", "--scenario", scenario.toString(), "--shard", i + "/3", "--quiet", "--out",
                dir.resolve("shards/shard-" + i).toString());
            assertEquals(0, s.exitCode(), s.err());
        }
        Files.delete(dir.resolve("shards/shard-2/run.json"));
        Files.writeString(dir.resolve("logs/shard-2.err"), "slurmstepd: error: *** JOB 12 CANCELLED ***\n");
        CliRun status = CliRun.of("cluster", "status", dir.toString());
        assertEquals(0, status.exitCode(), status.err());
        String out = status.out();
        assertTrue(out.contains("shard 1: complete"), out);
        assertTrue(out.contains("shard 2: failed"), out);
        assertTrue(out.contains("| slurmstepd: error: *** JOB 12 CANCELLED ***"), out);
        assertTrue(out.contains("shard 3: missing"), out);
        assertTrue(out.contains("1 complete, 0 queued or running, 1 failed, 1 missing; merged result: not yet"), out);
        assertTrue(out.contains("cluster resubmit"), out);
        assertFalse(out.contains("Exception"), out);
    }
}
