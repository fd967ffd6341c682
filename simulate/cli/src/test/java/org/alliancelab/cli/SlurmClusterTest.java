package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path on a real Slurm: {@code cluster slurm --submit} of a 4-task array, the merge
 * job chained to it, and the merged files byte-identical to a single-machine run; then a task
 * killed mid-run ({@code scancel}), {@code cluster status} reporting it failed, {@code cluster
 * resubmit} resuming it from its checkpoint, and the same identity. Needs a running Slurm
 * ({@code scripts/slurm-setup.sh}, which {@code .ci/run} calls) and the application jar built by
 * a previous {@code mvn package}; skipped, saying which, without them.
 */
@Tag("slow")
class SlurmClusterTest {
    private static final Path JAR = Path.of("..", "target", "alliance-lab.jar").toAbsolutePath().normalize();
    private static final List<String> FILES = List.of("summary.json", "summary.csv", "replications.csv");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsSlurm() {
        String nodes;
        try {
            nodes = SlurmArray.run(List.of("sinfo", "-h", "-o", "%T"));
        } catch (IOException e) {
            nodes = "";
        }
        Assumptions.assumeTrue(nodes.matches("(?s).*(idle|mix|alloc).*"),
            "no Slurm node answers sinfo: run scripts/slurm-setup.sh as root");
        Assumptions.assumeTrue(Files.isRegularFile(JAR), JAR + " not built: run mvn package first");
    }

    private static void awaitResult(Path dir, int seconds) throws Exception {
        for (int i = 0; i < seconds * 4; i++) {
            if (Files.isRegularFile(dir.resolve("result").resolve("summary.json"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no merged result after " + seconds + " s: "
            + CliRun.of("cluster", "status", dir.toString()).out());
    }

    private void assertSameAsOneMachine(Path dir, String scenario, String reps) throws IOException {
        Path single = tmp.resolve("single-" + scenario);
        CliRun s = CliRun.of("simulate", "--scenario", scenario, "--reps", reps, "--quiet", "--out", single.toString());
        assertEquals(0, s.exitCode(), s.err());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(dir.resolve("result").resolve(f)), f);
        }
    }

    @Test
    void aFourTaskArrayMergesToTheSingleMachineRun() throws Exception {
        Path dir = tmp.resolve("array");
        long start = System.nanoTime();
        CliRun r = CliRun.of("cluster", "slurm", "--scenario", "causal", "--reps", "400", "--tasks", "4", "--cpus", "1",
            "--mem", "1G", "--time", "00:10:00", "--jar", JAR.toString(), "--out", dir.toString(), "--submit");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Submitted array job"), r.out());
        awaitResult(dir, 240);
        System.out.printf("SlurmClusterTest: 4-task array of causal, 400 replications: %.1f s from submission to merged "
            + "result%n", (System.nanoTime() - start) / 1e9);
        assertSameAsOneMachine(dir, "causal", "400");
        CliRun status = CliRun.of("cluster", "status", dir.toString());
        assertTrue(status.out().contains("4 complete, 0 queued or running, 0 failed, 0 missing"), status.out());
    }

    @Test
    void aKilledTaskIsResubmittedAndResumes() throws Exception {
        Path dir = tmp.resolve("killed");
        CliRun r = CliRun.of("cluster", "slurm", "--scenario", "dropout", "--reps", "40000", "--tasks", "4", "--cpus", "1",
            "--mem", "1G", "--time", "00:10:00", "--jar", JAR.toString(), "--out", dir.toString(), "--submit");
        assertEquals(0, r.exitCode(), r.err());
        String job = new ObjectMapper().readTree(dir.resolve("cluster.json").toFile()).get("array_jobs").get(0).asText();
        Path checkpoint = dir.resolve("shards").resolve("shard-2").resolve(".checkpoint");
        for (int i = 0; i < 480 && blocks(checkpoint) == 0; i++) {
            Thread.sleep(250);
        }
        assertTrue(blocks(checkpoint) > 0, "shard 2 never started");
        SlurmArray.run(List.of("scancel", job + "_2"));
        for (int i = 0; i < 480 && !SlurmArray.run(List.of("squeue", "-h", "-r", "-j", job, "-o", "%K")).isEmpty(); i++) {
            Thread.sleep(250);
        }
        CliRun status = CliRun.of("cluster", "status", dir.toString());
        assertTrue(status.out().contains("shard 2: failed"), status.out());
        assertTrue(status.out().contains("3 complete"), status.out());
        CliRun again = CliRun.of("cluster", "resubmit", dir.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Resubmitted shard 2 as array job"), again.out());
        awaitResult(dir, 300);
        assertSameAsOneMachine(dir, "dropout", "40000");
        // The resubmitted task resumed from the killed one's checkpoint rather than starting over.
        long reused = new ObjectMapper().readTree(dir.resolve("shards").resolve("shard-2").resolve("run.json").toFile())
            .get("replications_reused").asLong();
        assertTrue(reused > 0, "shard 2 reused " + reused + " replications");
    }

    private static long blocks(Path checkpoint) throws IOException {
        if (!Files.isDirectory(checkpoint)) {
            return 0;
        }
        try (var s = Files.list(checkpoint)) {
            return s.filter(p -> p.getFileName().toString().matches("c\\d+-b\\d+\\.csv\\.gz")).count();
        }
    }
}
