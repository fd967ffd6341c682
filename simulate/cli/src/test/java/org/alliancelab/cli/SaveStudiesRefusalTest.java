package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code simulate --save-studies} refuses, before anything runs, what it cannot honour: a
 * studies file that is one of the run's own outputs (which it would overwrite), a file it
 * cannot write, and replications the run does not have. Each refusal is one line, exit 2, and
 * leaves the output directory exactly as it was.
 */
class SaveStudiesRefusalTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"summary.csv", "summary.json", "replications.csv", "run.json", ".checkpoint",
        ".checkpoint/manifest.json", ".alliance-lab.lock", "./sub/../summary.csv", "."})
    void refusesTheRunsOwnFiles(String name) throws IOException {
        Path out = tmp.resolve("t2");
        assertEquals(0, CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--quiet", "--out",
            out.toString()).exitCode());
        Map<Path, String> before = snapshot(out);
        CliRun r = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--out", out.toString(),
            "--save-studies", "1", "--studies-file", name);
        String line = r.assertOneLineUserError(out);
        assertTrue(line.contains("--studies-file '" + name + "'"), line);
        assertEquals(before, snapshot(out), "nothing written or changed");
        assertEquals(0, CliRun.of("compare", out.toString()).exitCode());
    }

    @Test
    void refusesTheRunsOwnFileByItsAbsolutePathInANewDirectory() {
        Path out = tmp.resolve("new");
        CliRun r = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--out", out.toString(),
            "--save-studies", "1", "--studies-file", out.resolve("replications.csv").toAbsolutePath().toString());
        assertTrue(r.assertOneLineUserError(tmp).contains("replications.csv"), r.err());
        assertFalse(Files.exists(out), "nothing created");
    }

    @Test
    void refusesAnUnwritableStudiesFileBeforeTheRun() {
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--out", out.toString(),
            "--save-studies", "1", "--studies-file", "sub/x.csv");
        String line = r.assertOneLineUserError(tmp);
        assertTrue(line.contains("sub/x.csv") && line.contains("does not exist"), line);
        assertFalse(line.contains(".tmp"), line);
        assertFalse(Files.exists(out), "nothing ran");
        CliRun empty = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--out", out.toString(),
            "--save-studies", "1", "--studies-file", "");
        assertTrue(empty.assertOneLineUserError(tmp).contains("--studies-file ''"), empty.err());
        assertFalse(Files.exists(out), "nothing ran");
    }

    @Test
    void refusesOneAbsoluteFileForSeveralScenarios() {
        Path out = tmp.resolve("two");
        CliRun r = CliRun.of("simulate", "--scenario", "causal,causal", "--reps", "3", "--out", out.toString(),
            "--save-studies", "1", "--studies-file", tmp.resolve("s.csv").toString());
        assertTrue(r.assertOneLineUserError(tmp).contains("every scenario would write the same file"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesReplicationsTheRunDoesNotHave() {
        Map<String, String> expected = new TreeMap<>(Map.of(
            "0", "must be at least 1",
            "3-", "got '3-'",
            "5-2", "the range 5-2 is reversed",
            "12", "the run has only 10 replications per condition (0-9); give at most 10",
            "9,10", "replication 10 is not within 0-9",
            "1,,2", "got '1,,2'"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            CliRun r = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--out",
                tmp.resolve("r").toString(), "--save-studies", e.getKey());
            String line = r.assertOneLineUserError(tmp);
            assertTrue(line.contains("--save-studies") && line.contains(e.getValue()), e.getKey() + ": " + line);
            assertFalse(Files.exists(tmp.resolve("r")), "nothing ran");
        }
        CliRun zero = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--save-studies", "0");
        assertTrue(zero.err().contains("numbered from 0"), zero.err());
    }

    @Test
    void savesTheFirstNAndTheLastReplication() {
        Path out = tmp.resolve("ok");
        CliRun r = CliRun.of("simulate", "--scenario", "causal", "--reps", "10", "--quiet", "--out", out.toString(),
            "--save-studies", "10");
        assertEquals(0, r.exitCode(), r.err());
        var rows = CliRun.csvRows(out.resolve("studies.csv"));
        int rep = rows.get(0).indexOf("replication");
        assertEquals(10, rows.stream().skip(1).map(l -> l.get(rep)).distinct().count());
    }

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)
                        + Files.getLastModifiedTime(p));
                }
            }
        }
        return files;
    }
}
