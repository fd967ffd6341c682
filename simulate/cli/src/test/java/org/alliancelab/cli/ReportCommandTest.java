package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    static CliRun run(String... args) {
        return CliRun.ofCommand(new ReportCommand(), args);
    }

    @Test
    void writesTheReportIntoTheFirstDirectoryByDefault() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("run"), "fixture", 0.2, 1);
        CliRun r = run(dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path html = dir.resolve("report.html");
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
        assertTrue(r.out().contains(html.toString()));
    }

    @Test
    void twoDirectoriesAndAnExplicitOutput() throws Exception {
        Path a = ReportFixtures.write(tmp.resolve("a"), "fluckiger2018", 0.2, 1);
        Path b = ReportFixtures.write(tmp.resolve("b"), "fluckiger2018-null", 0.0, 2);
        Path out = tmp.resolve("both.html");
        CliRun r = run(a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out).contains("id=\"comparison\""));
    }

    @Test
    void figuresAreAlsoWrittenAsSeparateFiles() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("run"), "fixture", 0.2, 1);
        Path figs = tmp.resolve("figs");
        CliRun r = run(dir.toString(), "--figures", figs.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (var files = Files.list(figs)) {
            assertEquals(List.of("fixture-causal-graph.svg", "fixture-coverage-1.svg", "fixture-rejection-rate-1.svg",
                "fixture-sampling-distribution.svg"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(figs.resolve("fixture-causal-graph.svg")).startsWith("<?xml"));
        CliRun png = run(dir.toString(), "--figures", figs.toString(), "--figure-format", "png");
        assertEquals(0, png.exitCode(), png.err());
        assertTrue(Files.exists(figs.resolve("fixture-coverage-1.png")));
    }

    @Test
    void missingSummaryIsOneLineExitTwoAndNoOutput() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = run(empty.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(empty.resolve("summary.json") + ": file not found (is " + empty + " a simulate output directory?)",
            r.err().strip());
        assertFalse(Files.exists(empty.resolve("report.html")));
    }

    @Test
    void badNumberNamesFileRowAndFieldAndLeavesNothingBehind() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("bad"), "fixture", 0.2, 1);
        Path csv = dir.resolve("replications.csv");
        List<String> lines = Files.readAllLines(csv);
        // Row 5 of the file (the 4th data row): corrupt the adjusted.r field.
        String[] f = lines.get(4).split(",", -1);
        f[7] = "zero.two";
        lines.set(4, String.join(",", f));
        Files.write(csv, lines);
        CliRun r = run(dir.toString(), "--out", tmp.resolve("r.html").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(csv + ":5: column 'adjusted.r': must be a number, got zero.two", r.err().strip());
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("r.html")), "no (partial) output");
        }
    }

    @Test
    void unwritableOutputIsOneLineExitTwo() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("ok"), "fixture", 0.2, 1);
        Path out = tmp.resolve("no-such-dir").resolve("r.html");
        CliRun r = run(dir.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
    }

    @Test
    void malformedSummaryNamesTheJsonLocation() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("bad"), "fixture", 0.2, 1);
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replaceFirst("\"truth\" : \\{", "\"truth\" : [ ], \"x\" : {"));
        CliRun r = run(dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals(summary + ": /conditions/0/truth: must be an object of numbers", r.err().strip());
    }

    @Test
    void figuresAndPageAreWrittenAllOrNone() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("run"), "fixture", 0.2, 1);
        Path figs = Files.createDirectories(tmp.resolve("figs"));
        // one figure's target is a directory, so it cannot be written
        Files.createDirectories(figs.resolve("fixture-coverage-1.svg"));
        Path page = tmp.resolve("page.html");
        Files.writeString(page, "the old page");
        CliRun r = run(dir.toString(), "--out", page.toString(), "--figures", figs.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("fixture-coverage-1.svg"), r.err());
        assertEquals("the old page", Files.readString(page), "the page is not replaced");
        try (var files = Files.list(figs)) {
            assertEquals(List.of("fixture-coverage-1.svg"), files.map(p -> p.getFileName().toString()).toList(),
                "no other figure written, no temporary file left");
        }
    }

    @Test
    void unfinishedShardAndMixedRunsAreRefused() throws Exception {
        // a checkpoint next to the summary: an interrupted rerun, its result files stale
        Path stopped = ReportFixtures.write(tmp.resolve("stopped"), "fixture", 0.2, 1);
        Files.createDirectories(stopped.resolve(".checkpoint"));
        CliRun a = run(stopped.toString());
        assertEquals(2, a.exitCode());
        assertTrue(a.err().startsWith(stopped + ": holds an unfinished run (a checkpoint in .checkpoint)"), a.err());
        assertFalse(Files.exists(stopped.resolve("report.html")));

        Path shard = ReportFixtures.write(tmp.resolve("shard"), "fixture", 0.2, 1);
        Files.writeString(shard.resolve("run.json"), "{\"status\": \"shard_complete\", \"shard\": \"1/2\"}");
        CliRun b = run(shard.toString());
        assertEquals(2, b.exitCode());
        assertTrue(b.err().contains("status 'shard_complete'") && b.err().contains("collect the shards first"), b.err());

        Path mixed = ReportFixtures.write(tmp.resolve("mixed"), "fixture", 0.2, 1);
        Files.writeString(mixed.resolve("run.json"),
            "{\"status\": \"complete\", \"identity\": {\"definition\": {\"name\": \"another\"}}}");
        CliRun c = run(mixed.toString());
        assertEquals(2, c.exitCode());
        assertEquals(mixed + ": summary.json and run.json are of different scenarios (files of two runs mixed in one "
            + "directory): rerun simulate with --restart", c.err().strip());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeReading() throws Exception {
        Path dir = ReportFixtures.write(tmp.resolve("run"), "fixture", 0.2, 1);
        byte[] summary = Files.readAllBytes(dir.resolve("summary.json"));
        CliRun r = run(dir.toString(), "--out", dir.resolve("summary.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is the input file"), r.err());
        assertTrue(java.util.Arrays.equals(summary, Files.readAllBytes(dir.resolve("summary.json"))));
    }
}
