package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Measure;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonteCarloRunnerTest {
    private static final String[] FILES = {"summary.json", "summary.csv", "replications.csv"};

    @TempDir
    Path tmp;

    private static FakeDesign design() {
        // 3 conditions x 230 replications = 15 blocks of up to 50
        return new FakeDesign(20260101L, 230, 3, "a");
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    private static BooleanSupplier stopAfterBlocks(int blocks) {
        AtomicInteger polls = new AtomicInteger();
        return () -> polls.incrementAndGet() > blocks;
    }

    @Test
    void oneAndTwoThreadsWriteIdenticalFiles() throws IOException {
        RunResult one = MonteCarloRunner.of(design()).withThreads(1).run(tmp.resolve("t1"));
        RunResult two = MonteCarloRunner.of(design()).withThreads(2).run(tmp.resolve("t2"));
        assertEquals(RunResult.Status.COMPLETE, one.status());
        assertEquals(RunResult.Status.COMPLETE, two.status());
        assertEquals(3 * 230, one.computed());
        assertSameFiles(tmp.resolve("t1"), tmp.resolve("t2"));
        assertFalse(Files.exists(tmp.resolve("t1/.checkpoint")), "checkpoint removed after completion");
        // rectangular replications.csv: header + one row per condition x replication
        List<String> rows = Files.readAllLines(tmp.resolve("t1/replications.csv"));
        assertEquals(1 + 3 * 230, rows.size());
        assertTrue(rows.get(0).startsWith("condition,replication,/effect,x,"));
        assertTrue(rows.get(1).startsWith("0,0,0,"));
    }

    @Test
    void stoppedRunResumesToIdenticalOutput() throws IOException {
        MonteCarloRunner.of(design()).run(tmp.resolve("full"));
        Path dir = tmp.resolve("resumed");
        // the stop request is polled once before each block: let 4 blocks run. With 2 threads
        // which 4 blocks those are is a race (a 30-replication tail block may be among them), so
        // the count is bounded, not fixed: 4 blocks of 30 to 50 replications.
        RunResult first = MonteCarloRunner.of(design()).withThreads(2).withStopRequest(stopAfterBlocks(4)).run(dir);
        assertEquals(RunResult.Status.STOPPED, first.status());
        assertTrue(first.computed() >= 4 * 30 && first.computed() <= 4 * 50, "computed " + first.computed());
        assertFalse(Files.exists(dir.resolve("summary.json")));
        // a killed process can leave a temporary file behind: it must be ignored and removed
        Files.writeString(dir.resolve(".checkpoint/.c00002-b000004.csv.123.tmp"), "replication,x\n0,");
        RunResult second = MonteCarloRunner.of(design()).run(dir);
        assertEquals(RunResult.Status.COMPLETE, second.status());
        assertEquals(first.computed(), second.reused());
        assertEquals(690, second.reused() + second.computed());
        assertSameFiles(tmp.resolve("full"), dir);
    }

    @Test
    void checkpointOfAnotherRunIsRefused() throws IOException {
        Path dir = tmp.resolve("x");
        MonteCarloRunner.of(design()).withStopRequest(stopAfterBlocks(1)).run(dir);
        FakeDesign otherSeed = new FakeDesign(7, 230, 3, "a");
        CheckpointException e = assertThrows(CheckpointException.class, () -> MonteCarloRunner.of(otherSeed).run(dir));
        assertTrue(e.getMessage().contains("unfinished run that differs in seed (7 here, 20260101 in the directory)"),
            e.getMessage());
        FakeDesign otherScenario = new FakeDesign(20260101L, 230, 3, "b");
        CheckpointException name = assertThrows(CheckpointException.class,
            () -> MonteCarloRunner.of(otherScenario).run(dir));
        assertTrue(name.getMessage().contains("scenario definition at /fake (\"b\" here, \"a\" in the directory)"),
            name.getMessage());
        FakeDesign otherReps = new FakeDesign(20260101L, 231, 3, "a");
        CheckpointException reps = assertThrows(CheckpointException.class, () -> MonteCarloRunner.of(otherReps).run(dir));
        assertTrue(reps.getMessage().contains("replications (231 here, 230 in the directory)"), reps.getMessage());
    }

    @Test
    void finishedRunOfAnotherRunIsRefusedAndRestartStartsCleanly() throws IOException {
        Path dir = tmp.resolve("fin");
        MonteCarloRunner.of(design()).run(dir);
        byte[] summary = Files.readAllBytes(dir.resolve("summary.json"));
        FakeDesign otherSeed = new FakeDesign(7, 230, 3, "a");
        CheckpointException e = assertThrows(CheckpointException.class, () -> MonteCarloRunner.of(otherSeed).run(dir));
        assertTrue(e.getMessage().contains("holds a finished run that differs in seed (7 here"), e.getMessage());
        assertArrayEquals(summary, Files.readAllBytes(dir.resolve("summary.json")), "the finished run is untouched");
        assertFalse(Files.exists(dir.resolve(".checkpoint")), "no checkpoint was started");
        // the same run again is allowed (and reproduces the files)
        MonteCarloRunner.of(design()).run(dir);
        assertArrayEquals(summary, Files.readAllBytes(dir.resolve("summary.json")));
        // restart: the other run replaces it, and equals that run written into a fresh directory
        Files.writeString(dir.resolve("notes.txt"), "mine");
        RunResult r = MonteCarloRunner.of(otherSeed).restarting().run(dir);
        assertEquals(0, r.reused());
        MonteCarloRunner.of(otherSeed).run(tmp.resolve("fresh"));
        assertSameFiles(tmp.resolve("fresh"), dir);
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")), "a file not written by runs is kept");
    }

    @Test
    void restartDiscardsAnUnfinishedRunOfAnotherSeed() throws IOException {
        Path dir = tmp.resolve("r");
        MonteCarloRunner.of(design()).withStopRequest(stopAfterBlocks(3)).run(dir);
        FakeDesign otherSeed = new FakeDesign(7, 230, 3, "a");
        RunResult r = MonteCarloRunner.of(otherSeed).restarting().run(dir);
        assertEquals(0, r.reused(), "no block of the other run is reused");
        MonteCarloRunner.of(otherSeed).run(tmp.resolve("fresh"));
        assertSameFiles(tmp.resolve("fresh"), dir);
    }

    @Test
    void foreignDirectoryIsRefusedEvenOnRestart() throws IOException {
        Path dir = tmp.resolve("home");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        for (MonteCarloRunner runner : List.of(MonteCarloRunner.of(design()), MonteCarloRunner.of(design()).restarting())) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> runner.run(dir));
            assertTrue(e.getMessage().contains("not empty and not an alliance-lab output"), e.getMessage());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("thesis.tex")), s.toList(), "nothing added, nothing removed");
        }
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        CheckpointException f = assertThrows(CheckpointException.class, () -> MonteCarloRunner.of(design()).run(file));
        assertTrue(f.getMessage().contains("is a file, not a directory"), f.getMessage());
    }

    @Test
    void aLockedDirectoryIsRefusedNamingTheHolder() throws IOException {
        Path dir = tmp.resolve("busy");
        try (RunLock held = RunLock.acquire(dir)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> MonteCarloRunner.of(design()).run(dir));
            assertTrue(e.getMessage().contains("is being written by process " + ProcessHandle.current().pid()),
                e.getMessage());
        }
        // released: the next run takes it (a stale lock file of a dead process is just a file)
        assertEquals(RunResult.Status.COMPLETE, MonteCarloRunner.of(design()).run(dir).status());
    }

    @Test
    void damagedBlockIsComputedAgainOnResume() throws IOException {
        MonteCarloRunner.of(design()).run(tmp.resolve("full"));
        Path dir = tmp.resolve("d");
        MonteCarloRunner.of(design()).withStopRequest(stopAfterBlocks(2)).run(dir);
        Path block = dir.resolve(".checkpoint/c00000-b000000.csv");
        flipFirstDigit(block, 200);
        RunResult r = MonteCarloRunner.of(design()).run(dir);
        assertEquals(List.of(block), r.damaged());
        assertEquals(RunResult.Status.COMPLETE, r.status());
        assertSameFiles(tmp.resolve("full"), dir);
    }

    @Test
    void anUnrecordedBlockIsComputedAgainNotTrusted() throws IOException {
        MonteCarloRunner.of(design()).run(tmp.resolve("full"));
        Path dir = tmp.resolve("u");
        MonteCarloRunner.of(design()).withStopRequest(stopAfterBlocks(2)).run(dir);
        // a kill between the block's rename and its ledger line; the block is also wrong
        Path ledger = dir.resolve(".checkpoint/blocks.sha256");
        Files.writeString(ledger, Files.readString(ledger).lines().skip(1).map(l -> l + "\n")
            .reduce("", String::concat) + "0123");
        Path orphan = dir.resolve(".checkpoint/c00002-b000004.csv");
        Files.copy(dir.resolve(".checkpoint/c00000-b000000.csv"), orphan);
        RunResult r = MonteCarloRunner.of(design()).run(dir);
        assertEquals(List.of(), r.damaged());
        assertSameFiles(tmp.resolve("full"), dir);
    }

    @Test
    void collectRefusesADamagedShardBlockByName() throws IOException {
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path d = tmp.resolve("s" + i);
            MonteCarloRunner.of(design()).withShard(new Shard(i, 2)).run(d);
            shards.add(d);
        }
        Path block;
        try (Stream<Path> s = Files.list(shards.get(1).resolve(".checkpoint"))) {
            block = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
        }
        flipFirstDigit(block, 300);
        CheckpointException e = assertThrows(CheckpointException.class,
            () -> MonteCarloCollector.collect(shards, tmp.resolve("merged"), run -> design()));
        assertEquals(block + ": damaged (its SHA-256 differs from the one recorded in blocks.sha256)", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("merged/summary.json")), "no summary of a damaged run");
    }

    /** Changes one digit after a byte offset (0 to 1, else to 0). */
    static void flipFirstDigit(Path file, int from) throws IOException {
        byte[] b = Files.readAllBytes(file);
        for (int i = from; i < b.length; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
                b[i] = (byte) (b[i] == '0' ? '1' : '0');
                Files.write(file, b);
                return;
            }
        }
        throw new AssertionError("no digit after " + from + " in " + file);
    }

    @Test
    void shardsCollectToTheSingleRunFiles() throws IOException {
        MonteCarloRunner.of(design()).run(tmp.resolve("full"));
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path d = tmp.resolve("shard" + i);
            RunResult r = MonteCarloRunner.of(design()).withShard(new Shard(i, 4)).withThreads(2).run(d);
            assertEquals(RunResult.Status.SHARD_COMPLETE, r.status());
            assertFalse(Files.exists(d.resolve("summary.json")));
            shards.add(d);
        }
        MonteCarloCollector.collect(shards, tmp.resolve("collected"), run -> design());
        assertSameFiles(tmp.resolve("full"), tmp.resolve("collected"));

        CheckpointException missing = assertThrows(CheckpointException.class,
            () -> MonteCarloCollector.collect(shards.subList(0, 3), tmp.resolve("c2"), run -> design()));
        assertTrue(missing.getMessage().contains("shard 4 of 4 missing"), missing.getMessage());

        // A shard of another split, a shard given twice, and an unfinished shard are refused by name.
        Path other = tmp.resolve("other");
        MonteCarloRunner.of(design()).withShard(new Shard(1, 2)).run(other);
        CheckpointException mixed = assertThrows(CheckpointException.class, () -> MonteCarloCollector.collect(
            List.of(shards.get(0), shards.get(1), shards.get(2), other), tmp.resolve("c3"), run -> design()));
        assertTrue(mixed.getMessage().contains(other.toString()) && mixed.getMessage().contains("2-shard split"),
            mixed.getMessage());
        CheckpointException twice = assertThrows(CheckpointException.class, () -> MonteCarloCollector.collect(
            List.of(shards.get(0), shards.get(0)), tmp.resolve("c4"), run -> design()));
        assertTrue(twice.getMessage().contains("both shard 1/4"), twice.getMessage());
        Files.delete(shards.get(3).resolve("run.json"));
        CheckpointException unfinished = assertThrows(CheckpointException.class,
            () -> MonteCarloCollector.collect(shards, tmp.resolve("c5"), run -> design()));
        assertTrue(unfinished.getMessage().startsWith(shards.get(3) + ": shard not finished"), unfinished.getMessage());
        assertFalse(Files.exists(tmp.resolve("c5")), "nothing written");
    }

    @Test
    void shardsOfDifferentRunsAreNotMixed() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        MonteCarloRunner.of(design()).withShard(Shard.parse("1/2")).run(a);
        MonteCarloRunner.of(new FakeDesign(99, 230, 3, "a")).withShard(Shard.parse("2/2")).run(b);
        CheckpointException e = assertThrows(CheckpointException.class,
            () -> MonteCarloCollector.collect(List.of(a, b), tmp.resolve("c"), run -> design()));
        assertTrue(e.getMessage().contains("different run"), e.getMessage());
        // and an output directory of another run is not replaced by collect
        MonteCarloRunner.of(new FakeDesign(99, 230, 3, "a")).run(tmp.resolve("done"));
        MonteCarloRunner.of(design()).withShard(Shard.parse("2/2")).run(tmp.resolve("b2"));
        CheckpointException out = assertThrows(CheckpointException.class,
            () -> MonteCarloCollector.collect(List.of(a, tmp.resolve("b2")), tmp.resolve("done"), run -> design()));
        assertTrue(out.getMessage().contains("differs in seed"), out.getMessage());
    }

    @Test
    void shardsPartitionTheBlocks() {
        WorkPlan plan = new WorkPlan(3, 230);
        int total = 0;
        for (int i = 1; i <= 4; i++) {
            total += plan.blocks(new Shard(i, 4)).size();
        }
        assertEquals(plan.blocks(Shard.ALL).size(), total);
        assertEquals(15, total);
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }

    @Test
    void failuresAreCountedWithTheirSeedCoordinates() throws IOException {
        FakeDesign d = design();
        RunResult r = MonteCarloRunner.of(d).run(tmp.resolve("f"));
        for (ConditionSummary s : r.summary().orElseThrow().conditions()) {
            int c = s.info().index();
            // Expected failures recomputed from the replication streams themselves.
            List<Integer> whole = new ArrayList<>();
            List<Integer> second = new ArrayList<>();
            for (int rep = 0; rep < d.replications(); rep++) {
                UniformRandomProvider rng = ReplicationSeeds.provider(d.seed(), c, rep);
                double u = rng.nextDouble();
                if (FakeDesign.replicationFails(u)) {
                    whole.add(rep);
                } else if (FakeDesign.secondFails(u)) {
                    second.add(rep);
                }
            }
            assertFalse(whole.isEmpty() || second.isEmpty(), "the example must exercise both failure kinds");
            List<Integer> reportedWhole = new ArrayList<>();
            List<Integer> reportedSecond = new ArrayList<>();
            for (ConditionSummary.FailedReplication f : s.failures()) {
                assertEquals(c, f.condition());
                String analysis = f.failures().get(0).analysis();
                (analysis.equals("replication") ? reportedWhole : reportedSecond).add(f.replication());
            }
            assertEquals(whole, reportedWhole);
            assertEquals(second, reportedSecond);
            long ok = d.replications() - whole.size();
            assertEquals(ok, (long) s.find("first", "replications", "").orElseThrow().value());
            assertEquals(ok - second.size(), (long) s.find("second", "replications", "").orElseThrow().value());
        }
        String json = Files.readString(tmp.resolve("f/summary.json"));
        assertTrue(json.contains("\"reason\" : \"IllegalStateException: planned failure"), "reason kept");
    }

    @Test
    void coverageOfTheFakeWaldIntervalIsNominal() throws IOException {
        // 690 replications of an exact 95% interval: coverage within 4 binomial SEs
        // (false-alarm rate < 1e-4 per condition; the seed is fixed anyway).
        RunResult r = MonteCarloRunner.of(design()).run(tmp.resolve("cov"));
        for (ConditionSummary s : r.summary().orElseThrow().conditions()) {
            Measure cov = s.find("first", "coverage", "causal").orElseThrow();
            assertEquals(0.95, cov.value(), 4 * Math.sqrt(0.95 * 0.05 / cov.replications()));
        }
    }

    @Test
    void outputsHaveNoTemporaryFilesLeft() throws IOException {
        Path dir = tmp.resolve("clean");
        MonteCarloRunner.of(design()).run(dir);
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
