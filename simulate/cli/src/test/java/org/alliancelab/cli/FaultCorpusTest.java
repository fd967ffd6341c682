package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault corpus of issue 16: each test reproduces one class of fault that once lost data or
 * gave a silently wrong result, and checks the promised behaviour through the command line as
 * a user meets it. Faults of the report (hostile names) are in the report's tests; large inputs
 * are measured in benchmarks ({@code docs/performance.md}).
 */
class FaultCorpusTest {
    private static final List<String> OUTPUTS = List.of("summary.json", "summary.csv", "replications.csv");

    @TempDir
    Path tmp;

    private static CliRun simulate(Path out, String... extra) {
        return CliRun.of(simulateArgs(out, extra).toArray(String[]::new));
    }

    /** The causal scenario at 120 replications on two threads, unless {@code extra} sets --reps. */
    private static List<String> simulateArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--scenario", "causal", "--threads", "2", "--quiet",
            "--out", out.toString()));
        if (!List.of(extra).contains("--reps")) {
            args.addAll(List.of("--reps", "120"));
        }
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * Out of memory is one line naming the heap limit, exit 1, never a stack trace: {@code pool}
     * on 300,000 studies in a JVM limited to 16 MB of heap.
     */
    @Test
    void outOfMemoryIsOneLineNamingTheLimit() throws Exception {
        Path csv = tmp.resolve("many.csv");
        StringBuilder sb = new StringBuilder("study,yi,vi\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300_000; i++) {
            sb.append("a study with a long label number ").append(i).append(',').append(random.nextGaussian())
                .append(',').append(0.01 + random.nextDouble()).append('\n');
        }
        Files.writeString(csv, sb);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
            "-cp", System.getProperty("java.class.path"), AllianceLab.class.getName(), "influence", "--input",
            csv.toString());
        Path err = tmp.resolve("oom.err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        List<String> lines = Files.readAllLines(err);
        assertEquals(1, p.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("alliance-lab: out of memory: the Java heap limit of ")
            && lines.get(0).contains("MB (-Xmx) was reached"), lines.get(0));
    }

    /**
     * Reading is bounded by about five times the file's size: {@code pool} on 500,000 studies
     * (a 9 MB file) finishes in a JVM limited to 64 MB of heap; with a String per cell it ran out
     * of memory even at 128 MB.
     */
    @Test
    void largeCsvIsPooledInABoundedHeap() throws Exception {
        Path csv = tmp.resolve("half-million.csv");
        java.util.Random random = new java.util.Random(3);
        try (java.io.BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("yi,vi\n");
            for (int i = 0; i < 500_000; i++) {
                double v = 0.005 + 0.05 * random.nextDouble();
                w.write(String.format(java.util.Locale.ROOT, "%.6f,%.6f%n", 0.2 + Math.sqrt(0.01 + v) * random.nextGaussian(), v));
            }
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
            "-cp", System.getProperty("java.class.path"), AllianceLab.class.getName(), "pool", "--input",
            csv.toString(), "--format", "json");
        Path out = tmp.resolve("pool.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("\"k\" : 500000"), text);
    }

    /**
     * Starts a run in another JVM and kills it (SIGKILL, as a crash or a scheduler's time limit
     * does) once its checkpoint holds {@code blocks} finished blocks.
     */
    private static void killedRun(Path out, int blocks, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), AllianceLab.class.getName()));
        cmd.addAll(simulateArgs(out, extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (countBlocks(out) < blocks) {
                assertTrue(p.isAlive(), "the run ended before it was killed");
                assertTrue(System.nanoTime() < deadline, "no checkpoint blocks after 120 s");
                Thread.sleep(5);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.isDirectory(out.resolve(".checkpoint")), "killed with its checkpoint");
        assertFalse(Files.exists(out.resolve("summary.json")), "killed before the end");
    }

    private static long countBlocks(Path out) throws IOException {
        Path cp = out.resolve(".checkpoint");
        if (!Files.isDirectory(cp)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(cp)) {
            return s.filter(q -> q.getFileName().toString().matches("c\\d+-b\\d+\\.csv\\.gz")).count();
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
    }

    /** A built-in scenario, edited as a JSON tree. */
    private static String editedScenario(String name, java.util.function.Consumer<ObjectNode> edit)
        throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(CliRun.of("scenarios", "show", name).out());
        edit.accept(tree);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static void assertSameOutputs(Path a, Path b) throws IOException {
        for (String f : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    private static List<Path> blocks(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(".checkpoint"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
        }
    }

    private static void flipOneBit(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    // --- integrity of checkpoints and shards ---------------------------------------------------

    @Test
    void damagedCheckpointBlockIsComputedAgainOnResumeWithANote() throws Exception {
        Path clean = tmp.resolve("clean");
        assertEquals(0, simulate(clean, "--reps", "3000").exitCode());
        Path dir = tmp.resolve("resumed");
        killedRun(dir, 3, "--reps", "3000");
        Path damaged = blocks(dir).get(1);
        flipOneBit(damaged);
        CliRun r = simulate(dir, "--reps", "3000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(damaged.toString()) && r.err().contains("damaged"), r.err());
        assertSameOutputs(clean, dir);
    }

    @Test
    void damagedOrUnrecordedShardBlockIsRefusedByCollect() throws IOException {
        Path s1 = tmp.resolve("s1");
        Path s2 = tmp.resolve("s2");
        assertEquals(0, simulate(s1, "--shard", "1/2").exitCode());
        assertEquals(0, simulate(s2, "--shard", "2/2").exitCode());
        Path block = blocks(s2).get(0);
        byte[] good = Files.readAllBytes(block);
        flipOneBit(block);
        Path merged = tmp.resolve("merged");
        CliRun r = CliRun.of("collect", s1.toString(), s2.toString(), "--out", merged.toString(), "--quiet");
        assertEquals("alliance-lab collect: " + block + ": damaged (its SHA-256 differs from the one recorded in "
            + "blocks.sha256)", r.assertOneLineUserError(tmp));
        assertFalse(Files.exists(merged.resolve("summary.json")), "nothing merged");

        // the block restored but its ledger line lost: not trusted either
        Files.write(block, good);
        Path ledger = s2.resolve(".checkpoint/blocks.sha256");
        String name = block.getFileName().toString();
        Files.write(ledger, Files.readAllLines(ledger).stream().filter(l -> !l.endsWith(name)).map(l -> l + "\n")
            .reduce("", String::concat).getBytes(StandardCharsets.UTF_8));
        CliRun u = CliRun.of("collect", s1.toString(), s2.toString(), "--out", merged.toString(), "--quiet");
        assertTrue(u.assertOneLineUserError(tmp).contains("lack 1 of"), u.err());
    }

    // --- run identity -------------------------------------------------------------------------

    @Test
    void rerunOfAnotherRunIntoAFinishedDirectoryIsRefusedNamingTheDifference() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, simulate(dir).exitCode());
        byte[] summary = Files.readAllBytes(dir.resolve("summary.json"));
        String[][] changes = {{"--seed", "5"}, {"--reps", "121"}, {"--engine", "patient"}};
        String[] named = {"seed (5 here, ", "replications (121 here, 120 in the directory)",
            "engine (patient here, sufficient in the directory)"};
        for (int i = 0; i < changes.length; i++) {
            CliRun r = simulate(dir, changes[i]);
            String line = r.assertOneLineUserError(dir);
            assertTrue(line.contains("holds a finished run that differs in " + named[i]), line);
        }
        // an edited scenario file of the same name: the analysis option is named by pointer
        Path edited = tmp.resolve("causal.json");
        Files.writeString(edited, editedScenario("causal",
            t -> ((ObjectNode) t.path("model").path("nodes").path(0)).put("reliability", 0.9)));
        CliRun e = CliRun.of("simulate", "--scenario", edited.toString(), "--reps", "120", "--threads", "2", "--quiet",
            "--out", dir.toString());
        String line = e.assertOneLineUserError(dir);
        assertTrue(line.contains("differs in scenario") && line.contains("/model/nodes/0/reliability"), line);
        assertArrayEquals(summary, Files.readAllBytes(dir.resolve("summary.json")), "the finished run is untouched");

        // --restart replaces it cleanly: the same files as that run in a new directory
        assertEquals(0, simulate(dir, "--seed", "5", "--restart").exitCode());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, simulate(fresh, "--seed", "5").exitCode());
        assertSameOutputs(fresh, dir);
    }

    @Test
    void interruptedRunAndShardDirectoriesAreNotMixedWithAnotherRun() throws IOException {
        Path dir = tmp.resolve("shard");
        assertEquals(0, simulate(dir, "--shard", "1/2").exitCode());
        CliRun r = simulate(dir, "--shard", "1/2", "--seed", "9");
        assertTrue(r.assertOneLineUserError(dir).contains("holds an unfinished run that differs in seed (9 here"),
            r.err());
        // collect into a finished directory of another run
        Path other = tmp.resolve("other");
        assertEquals(0, simulate(other, "--seed", "9").exitCode());
        Path s2 = tmp.resolve("shard2");
        assertEquals(0, simulate(s2, "--shard", "2/2").exitCode());
        CliRun c = CliRun.of("collect", dir.toString(), s2.toString(), "--out", other.toString(), "--quiet");
        assertTrue(c.assertOneLineUserError(other).contains("holds a finished run that differs in seed"), c.err());
    }

    // --- one writer per directory -------------------------------------------------------------

    @Test
    void aSecondWriterIsRefusedNamingTheHolderAndAStaleLockIsTakenOver() throws Exception {
        Path dir = tmp.resolve("busy");
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(".alliance-lab.lock");
        // another process holds the lock, as a running simulate does
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
            .redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", in.readLine());
            CliRun r = simulate(dir);
            String line = r.assertOneLineUserError(dir);
            assertTrue(line.contains(dir + " is being written by process " + holder.pid()), line);
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        // the holder is gone (as after a crash): its lock file remains, and is taken over
        assertTrue(Files.readString(lockFile).contains("process " + holder.pid()));
        CliRun after = simulate(dir);
        assertEquals(0, after.exitCode(), after.err());
    }

    @Test
    void twoRunsStartedTogetherGiveOneResultAndOneClearRefusal() throws Exception {
        Path dir = tmp.resolve("together");
        CompletableFuture<CliRun> a = CompletableFuture.supplyAsync(() -> simulate(dir, "--reps", "2000"));
        CompletableFuture<CliRun> b = CompletableFuture.supplyAsync(() -> simulate(dir, "--reps", "2000"));
        List<CliRun> runs = List.of(a.get(), b.get());
        long ok = runs.stream().filter(r -> r.exitCode() == 0).count();
        for (CliRun r : runs) {
            if (r.exitCode() != 0) {
                assertTrue(r.assertOneLineUserError(dir).contains("is being written by process"), r.err());
            }
        }
        assertTrue(ok >= 1, "at least one run finished");
        Path alone = tmp.resolve("alone");
        assertEquals(0, simulate(alone, "--reps", "2000").exitCode());
        assertSameOutputs(alone, dir);
    }

    // --- leftovers of a killed process -------------------------------------------------------

    @Test
    void temporaryFilesAndHalfDeletedCheckpointsOfAKilledRunAreRemoved() throws Exception {
        Path dir = tmp.resolve("killed");
        killedRun(dir, 2, "--reps", "3000");
        Files.writeString(dir.resolve(".summary.json.4711.tmp"), "{\"half");
        Files.writeString(dir.resolve(".checkpoint/.c00000-b000001.csv.gz.99.tmp"), "half");
        Files.createDirectories(dir.resolve(".checkpoint.deleted"));
        Files.writeString(dir.resolve(".checkpoint.deleted/manifest.json"), "{");
        assertEquals(0, simulate(dir, "--reps", "3000").exitCode());
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> left = s.map(p -> dir.relativize(p).toString()).filter(n -> n.contains(".tmp")
                || n.contains(".checkpoint")).toList();
            assertEquals(List.of(), left);
        }
        Path clean = tmp.resolve("clean");
        assertEquals(0, simulate(clean, "--reps", "3000").exitCode());
        assertSameOutputs(clean, dir);
    }

    // --- never clobber what is not ours --------------------------------------------------------

    private Path studies() throws IOException {
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, "study,r,n\na,0.30,50\nb,0.20,80\nc,0.40,60\nd,0.10,120\n");
        return in;
    }

    @Test
    void anOutputThatIsTheInputIsRefusedUnderAnyName() throws IOException {
        Path in = studies();
        byte[] before = Files.readAllBytes(in);
        Files.createSymbolicLink(tmp.resolve("link.csv"), in);
        Files.createLink(tmp.resolve("hard.csv"), in);
        List<String[]> attempts = List.of(
            new String[] {"pool", "--input", in.toString(), "--measure", "ZCOR", "--out", in.toString()},
            new String[] {"pool", "--input", in.toString(), "--measure", "ZCOR", "--out",
                tmp.resolve("sub/../in.csv").toString()},
            new String[] {"pool", "--input", in.toString(), "--measure", "ZCOR", "--out",
                tmp.resolve("link.csv").toString()},
            new String[] {"pool", "--input", in.toString(), "--measure", "ZCOR", "--out",
                tmp.resolve("hard.csv").toString()},
            new String[] {"pool", "--input", in.toString(), "--measure", "ZCOR", "--plot",
                tmp.resolve("link.csv").toString().replace(".csv", ".svg"), "--out", in.toString()},
            new String[] {"bias", "--input", in.toString(), "--measure", "ZCOR", "--out", in.toString()},
            new String[] {"influence", "--input", in.toString(), "--measure", "ZCOR", "--out", in.toString()},
            new String[] {"sensitivity", "--input", in.toString(), "--measure", "ZCOR", "--out", in.toString()},
            new String[] {"aggregate", "--input", in.toString(), "--cluster", "study", "--rho", "0.5", "--measure", "ZCOR",
                "--out", in.toString()});
        Files.createDirectories(tmp.resolve("sub"));
        for (String[] a : attempts) {
            CliRun r = CliRun.of(a);
            String line = r.assertOneLineUserError(tmp);
            assertTrue(line.contains("is the input file"), String.join(" ", a) + ": " + line);
            assertArrayEquals(before, Files.readAllBytes(in), "input untouched by " + String.join(" ", a));
        }
        assertTrue(Files.isSymbolicLink(tmp.resolve("link.csv")));
    }

    @Test
    void devicesAndFifosAreWrittenAsStreamsAndLinksAreFollowed() throws Exception {
        Path in = studies();
        CliRun devNull = CliRun.of("pool", "--input", in.toString(), "--measure", "ZCOR", "--out", "/dev/null");
        assertEquals(0, devNull.exitCode(), devNull.err());
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")),
            "/dev/null is still a device");

        Path fifo = tmp.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun toFifo = CliRun.of("pool", "--input", in.toString(), "--measure", "ZCOR", "--format", "json", "--out",
            fifo.toString());
        assertEquals(0, toFifo.exitCode(), toFifo.err());
        assertTrue(reader.get(30, TimeUnit.SECONDS).contains("\"estimate\""));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO is still a FIFO");

        Path target = tmp.resolve("results/pooled.json");
        Files.createDirectories(target.getParent());
        Path link = tmp.resolve("latest.json");
        Files.createSymbolicLink(link, tmp.relativize(target));
        CliRun viaLink = CliRun.of("pool", "--input", in.toString(), "--measure", "ZCOR", "--format", "json", "--out",
            link.toString());
        assertEquals(0, viaLink.exitCode(), viaLink.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(target).contains("\"estimate\""), "its target got the result");
    }

    @Test
    void aForeignDirectoryIsNeverWrittenIntoAndSameNamedScenariosKeepTheirOwnDirectories() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("papers"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        List<Path> before = listing(home);
        for (String[] extra : new String[][] {{}, {"--restart"}}) {
            CliRun r = simulate(home, extra);
            assertTrue(r.assertOneLineUserError(home).contains("not empty and not an alliance-lab output"), r.err());
            assertEquals(before, listing(home));
        }
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "mine");
        CliRun c = CliRun.of("collect", tmp.resolve("x").toString(), "--out", file.toString());
        assertEquals(2, c.exitCode());
        assertEquals("mine", Files.readString(file));

        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        String causal = CliRun.of("scenarios", "show", "causal").out();
        Files.writeString(a, causal);
        Files.writeString(b, causal);
        Path parent = tmp.resolve("both");
        CliRun two = CliRun.of("simulate", "--scenario", a + "," + b, "--reps", "60", "--seed", "3", "--quiet",
            "--out", parent.toString());
        assertEquals(0, two.exitCode(), two.err());
        assertTrue(Files.exists(parent.resolve("causal/summary.json")) && Files.exists(parent.resolve("causal-2/summary.json")),
            "one directory each");
    }

    // --- hostile and odd inputs ---------------------------------------------------------------

    @Test
    void controlCharactersFromAnInputFileReachTheTerminalEscaped() throws IOException {
        Path in = tmp.resolve("hostile.csv");
        Files.writeString(in, "study,r,n\na,0.3,50\n\u001b]0;pwned\u0007\u001b[2J,0.2\u0000,80\n");
        CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "ZCOR");
        String line = r.assertOneLineUserError(tmp);
        assertFalse(line.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f), "no control character: " + line);
        assertTrue(line.contains("\\x1b") || line.contains("\\x00"), line);
    }

    @Test
    void scenarioNumbersBeyondADoubleAndGridsBeyondTheLimitAreRefusedByPointer() throws IOException {
        String causal = CliRun.of("scenarios", "show", "causal").out();
        Path huge = tmp.resolve("huge.json");
        Files.writeString(huge, causal.replaceFirst("\"seed\"\\s*:\\s*\\d+", "\"seed\": 1e400"));
        CliRun h = CliRun.of("simulate", "--scenario", huge.toString(), "--quiet", "--out", tmp.resolve("h").toString());
        assertEquals(huge + ": /seed: number out of range (beyond +-1.8e308)", h.assertOneLineUserError(tmp));

        // six factors of 100 levels: 10^12 conditions, beyond an int as well as the limit
        String[] paths = {"/model/paths/0/beta", "/model/paths/1/beta", "/model/paths/2/beta",
            "/model/paths/3/beta", "/model/paths/4/beta", "/model/nodes/1/reliability"};
        Path big = tmp.resolve("grid.json");
        Files.writeString(big, editedScenario("causal", t -> {
            ArrayNode grid = t.putArray("grid");
            for (String path : paths) {
                ObjectNode factor = grid.addObject().put("path", path);
                ArrayNode levels = factor.putArray("levels");
                for (int v = 1; v <= 100; v++) {
                    levels.add(path.endsWith("reliability") ? v / 100.0 : v / 1000.0);
                }
            }
        }));
        CliRun g = CliRun.of("simulate", "--scenario", big.toString(), "--quiet", "--out", tmp.resolve("g").toString());
        String line = g.assertOneLineUserError(tmp);
        assertTrue(line.contains("100000"), line);

        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, causal.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"caf\u00e9\"")
            .getBytes(StandardCharsets.ISO_8859_1));
        CliRun l = CliRun.of("simulate", "--scenario", latin1.toString(), "--quiet", "--out", tmp.resolve("l").toString());
        assertTrue(l.assertOneLineUserError(tmp).contains("not UTF-8 text: invalid byte 0xe9 on line"), l.err());

        Path bom = tmp.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + causal);
        CliRun withBom = CliRun.of("simulate", "--scenario", bom.toString(), "--reps", "20", "--quiet", "--out",
            tmp.resolve("bom").toString());
        assertEquals(0, withBom.exitCode(), withBom.err());

        CliRun empty = CliRun.of("simulate", "--scenario", "", "--quiet");
        assertTrue(empty.assertOneLineUserError(tmp).contains("empty scenario name"), empty.err());
        CliRun dir = CliRun.of("simulate", "--scenario", tmp.toString(), "--quiet");
        assertTrue(dir.assertOneLineUserError(tmp).contains("is a directory, not a scenario file"), dir.err());
    }

    @Test
    void aHundredMegabyteDescriptionIsValidJson() throws IOException {
        Path long_ = tmp.resolve("long.json");
        Files.writeString(long_, editedScenario("causal", t -> t.put("description", "a".repeat(100_000_000))));
        CliRun r = CliRun.of("truth", "--scenario", long_.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** A second process that holds a run's lock until its standard input closes. */
    public static final class LockHolder {
        private LockHolder() {
        }

        /**
         * @param args the lock file
         * @throws IOException on a file error
         */
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                ch.write(java.nio.ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " on test since now\n")
                    .getBytes(StandardCharsets.UTF_8)));
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // hold until the test closes our input
                }
            }
        }
    }
}
