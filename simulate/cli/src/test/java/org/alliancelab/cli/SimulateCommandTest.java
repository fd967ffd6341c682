package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final String[] FILES = {"summary.json", "summary.csv", "replications.csv"};

    @TempDir
    Path tmp;

    private static CliRun run(Object command, String... args) {
        return CliRun.ofCommand(command, args);
    }

    private void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void simulatePrintsATableAndWritesTheFiles() {
        Path dir = tmp.resolve("causal");
        CliRun r = run(new SimulateCommand(), "--scenario", "causal", "--reps", "20", "--threads", "2", "--out",
            dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "no progress bar without a console");
        assertTrue(r.out().contains("causal: 20 replications per condition, seed 20180101, engine sufficient"), r.out());
        assertTrue(r.out().contains("unadjusted_all"), r.out());
        assertTrue(r.out().contains("difference_paired"), r.out());
        for (String f : FILES) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(Files.exists(dir.resolve("run.json")));
    }

    @Test
    void seedAndQuietOptions() throws IOException {
        CliRun a = run(new SimulateCommand(), "--scenario", "causal", "--reps", "10", "--seed", "5", "--quiet",
            "--out", tmp.resolve("a").toString());
        assertEquals(0, a.exitCode());
        assertEquals("", a.out());
        assertTrue(Files.readString(tmp.resolve("a/summary.json")).contains("\"seed\" : 5,"));
    }

    @Test
    void shardsThroughTheCommandLineCollectToTheSingleRun() throws IOException {
        assertEquals(0, run(new SimulateCommand(), "--scenario", "null-confounded", "--reps", "60", "--quiet",
            "--out", tmp.resolve("single").toString()).exitCode());
        for (int i = 1; i <= 2; i++) {
            CliRun s = run(new SimulateCommand(), "--scenario", "null-confounded", "--reps", "60", "--shard", i + "/2",
                "--out", tmp.resolve("shard" + i).toString());
            assertEquals(0, s.exitCode(), s.err());
            assertTrue(s.out().contains("shard " + i + "/2 done"), s.out());
        }
        CliRun c = run(new CollectCommand(), tmp.resolve("shard1").toString(), tmp.resolve("shard2").toString(),
            "--out", tmp.resolve("merged").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertSameFiles(tmp.resolve("single"), tmp.resolve("merged"));

        CliRun missing = run(new CollectCommand(), tmp.resolve("shard1").toString(), "--out", tmp.resolve("m2").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("alliance-lab collect: shard 2 of 2 missing"), missing.err());
        assertEquals(1, missing.err().lines().count());
    }

    @Test
    void twoScenariosAreShownSideBySide() {
        CliRun r = run(new SimulateCommand(), "--scenario", "causal,null-confounded", "--reps", "10",
            "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(tmp.resolve("causal/summary.json")));
        assertTrue(Files.exists(tmp.resolve("null-confounded/summary.json")));
        // not Flückiger scenarios: side by side without the synthesis's column (CompareTargetsTest)
        assertTrue(r.out().contains("Monte Carlo means (\u00b1 MCSE) of each run, side by side"), r.out());
        assertTrue(r.out().contains("adj vs unadj differ: paired test"), r.out());
        CliRun c = run(new CompareCommand(), tmp.resolve("causal").toString(), tmp.resolve("null-confounded").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("population causal r, do(alliance)"), c.out());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwoAndNoOutput() throws IOException {
        CliRun unknown = run(new SimulateCommand(), "--scenario", "no-such-world", "--out", tmp.resolve("x").toString());
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("no-such-world"), unknown.err());
        assertFalse(Files.exists(tmp.resolve("x")));

        CliRun engine = run(new SimulateCommand(), "--scenario", "causal", "--engine", "fast");
        assertEquals(2, engine.exitCode());
        assertEquals("alliance-lab simulate: --engine must be patient, sufficient or panel, got 'fast'\n", engine.err());

        CliRun shard = run(new SimulateCommand(), "--scenario", "causal", "--shard", "3/2");
        assertEquals(2, shard.exitCode());
        assertTrue(shard.err().startsWith("alliance-lab simulate: shard must be i/K"), shard.err());

        CliRun cannot = run(new SimulateCommand(), "--scenario", "dropout", "--engine", "sufficient", "--reps", "2");
        assertEquals(2, cannot.exitCode());
        assertEquals(1, cannot.err().lines().count(), cannot.err());

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"bad\", \"colour\": 1}");
        CliRun file = run(new SimulateCommand(), "--scenario", bad.toString());
        assertEquals(2, file.exitCode());
        assertTrue(file.err().startsWith(bad.toString()), file.err());
    }

    @Test
    void checkpointOfAnotherSeedIsRefused() throws IOException {
        Path dir = tmp.resolve("cp");
        // leave a checkpoint behind: a shard run keeps its blocks
        assertEquals(0, run(new SimulateCommand(), "--scenario", "causal", "--reps", "10", "--shard", "1/2",
            "--out", dir.toString()).exitCode());
        CliRun other = run(new SimulateCommand(), "--scenario", "causal", "--reps", "10", "--seed", "3",
            "--out", dir.toString());
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("holds an unfinished run that differs in seed (3 here, 20180101 in the directory)"),
            other.err());
        assertEquals(1, other.err().lines().count());
    }

    @Test
    void scenarioNamesBecomeSafeDirectoryNames() {
        assertEquals("fluckiger2018-null", SimulateCommand.directoryName("fluckiger2018-null"));
        assertEquals(".._x", SimulateCommand.directoryName("../x"));
        assertEquals("scenario", SimulateCommand.directoryName(".."));
        assertEquals("my_world", SimulateCommand.directoryName("my world"));
    }

    @Test
    void compareOfAMissingDirectoryFailsCleanly() {
        CliRun r = run(new CompareCommand(), tmp.resolve("nothing").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("alliance-lab compare: "), r.err());
    }
}
