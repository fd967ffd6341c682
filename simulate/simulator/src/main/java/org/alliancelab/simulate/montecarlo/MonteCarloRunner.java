package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.alliancelab.simulate.analysis.ColumnMismatchException;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.RunSummary;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs a {@link MonteCarloDesign}: the blocks of replications of {@link WorkPlan} on a fixed
 * pool of threads, each replication with its own stream from {@link ReplicationSeeds}. Every
 * finished block is persisted in the checkpoint ({@link Checkpoint}) by the thread that ran it;
 * when all blocks of the run are there, the output files are written from the checkpoint in
 * (condition, replication) order ({@link OutputFiles}) and the checkpoint is deleted. So the
 * output does not depend on the number of threads, a stopped or killed run resumes where it
 * was, and shards ({@link Shard}) leave their blocks for {@link MonteCarloCollector}.
 *
 * <p>Immutable; configure with the {@code with} methods.
 */
public final class MonteCarloRunner {
    private final MonteCarloDesign design;
    private final int threads;
    private final Shard shard;
    private final ProgressListener progress;
    private final BooleanSupplier stopRequested;
    private final boolean restart;

    private MonteCarloRunner(MonteCarloDesign design, int threads, Shard shard, ProgressListener progress,
                             BooleanSupplier stopRequested, boolean restart) {
        this.design = design;
        this.threads = threads;
        this.shard = shard;
        this.progress = progress;
        this.stopRequested = stopRequested;
        this.restart = restart;
    }

    /**
     * @param design what to run
     * @return a runner with one thread, the whole run, no progress reports
     */
    public static MonteCarloRunner of(MonteCarloDesign design) {
        return new MonteCarloRunner(Objects.requireNonNull(design), 1, Shard.ALL, ProgressListener.NONE, () -> false, false);
    }

    /**
     * @param n worker threads, at least 1 (results do not depend on it)
     * @return a copy using n threads
     */
    public MonteCarloRunner withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        return new MonteCarloRunner(design, n, shard, progress, stopRequested, restart);
    }

    /**
     * @param s the part of the work to run
     * @return a copy running only that shard
     */
    public MonteCarloRunner withShard(Shard s) {
        return new MonteCarloRunner(design, threads, Objects.requireNonNull(s), progress, stopRequested, restart);
    }

    /**
     * @param listener told after each finished block
     * @return a copy reporting progress
     */
    public MonteCarloRunner withProgress(ProgressListener listener) {
        return new MonteCarloRunner(design, threads, shard, Objects.requireNonNull(listener), stopRequested, restart);
    }

    /**
     * @param stop polled before each block starts; when it returns true no further block is
     *     started, running blocks finish and are persisted, and the run returns
     *     {@link RunResult.Status#STOPPED}
     * @return a copy that can be stopped
     */
    public MonteCarloRunner withStopRequest(BooleanSupplier stop) {
        return new MonteCarloRunner(design, threads, shard, progress, Objects.requireNonNull(stop), restart);
    }

    /**
     * @return a copy that discards what the output directory holds of another (or the same)
     *     run, finished or not, instead of refusing it or resuming it; files that a run does not
     *     write are never deleted
     */
    public MonteCarloRunner restarting() {
        return new MonteCarloRunner(design, threads, shard, progress, stopRequested, true);
    }

    /** Bytes of replications.csv per value, about (full-precision doubles and separators). */
    private static final int BYTES_PER_VALUE = 18;

    /**
     * The disk the run needs at its peak, about: its replications in {@code replications.csv}
     * and in the (compressed) checkpoint, which exist together while the output is written; a
     * shard keeps only its checkpoint.
     *
     * @return bytes, an estimate within a factor of about 1.5
     */
    public long estimatedDiskBytes() {
        WorkPlan plan = new WorkPlan(design.conditions().size(), design.replications());
        long rows = 0;
        for (int[] cb : plan.blocks(shard)) {
            rows += plan.endReplication(cb[1]) - plan.firstReplication(cb[1]);
        }
        long csv = rows * (long) (design.layout().size() + 4) * BYTES_PER_VALUE;
        return shard.isAll() ? csv + csv / 2 : csv / 2;
    }

    /**
     * Runs (or resumes) the simulation into a directory, which it holds locked
     * ({@link RunLock}) until it returns.
     *
     * <p>The directory must be new, empty, or an output of this very run (finished, stopped or
     * a shard): a directory of another run is refused, naming the first difference, unless
     * {@link #restarting()}; a non-empty directory that is not an alliance-lab output is always
     * refused. On resume every stored block is checked against its recorded SHA-256; damaged
     * ones are computed again and listed in {@link RunResult#damaged()}.
     *
     * @param outDir output directory, created when absent
     * @return what was done
     * @throws CheckpointException when the directory holds another run, is not an alliance-lab
     *     output, or is being written by another process
     * @throws IOException on a file error
     */
    public RunResult run(Path outDir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        RunIdentity identity = RunIdentity.of(design);
        OutputDirectory.checkForeign(outDir);
        checkDiskSpace(outDir);
        try (RunLock lock = RunLock.acquire(outDir)) {
            OutputDirectory.prepare(outDir, identity, shard, restart, mapper);
            try (Checkpoint checkpoint = Checkpoint.open(outDir, identity, mapper)) {
                return run(outDir, identity, checkpoint, mapper, start);
            }
        }
    }

    /**
     * Whether a path is an output directory or one of the files a run writes, deletes or locks in
     * it ({@code summary.json}, {@code summary.csv}, {@code replications.csv}, {@code run.json},
     * the lock, the checkpoint and what is in it, temporary files), so that a caller can refuse
     * to write anything else there. Paths are compared normalized and absolute.
     *
     * @param outDir the output directory (need not exist)
     * @param file any path
     * @return the run's file name it is ({@code "."} for the directory itself), or empty
     */
    public static java.util.Optional<String> runFile(Path outDir, Path file) {
        return OutputDirectory.ownFile(outDir, file);
    }

    /** Refuses up front a run that cannot fit on the disk, rather than filling it. */
    private void checkDiskSpace(Path outDir) throws IOException {
        long need = estimatedDiskBytes();
        Path existing = outDir.toAbsolutePath();
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long free = java.nio.file.Files.getFileStore(existing).getUsableSpace();
        if (need > free) {
            throw new CheckpointException(outDir + ": the run needs about " + bytes(need) + " of disk (replications.csv "
                + "and its checkpoint), but only " + bytes(free) + " is free there: free space, use fewer --reps, "
                + "or another --out");
        }
    }

    /**
     * @param n a number of bytes
     * @return it in words, e.g. "1.5 GB"
     */
    public static String bytes(long n) {
        if (n < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.0f kB", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(java.util.Locale.ROOT, "%.0f MB", n / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", n / 1e9);
    }

    private RunResult run(Path outDir, RunIdentity identity, Checkpoint checkpoint, ObjectMapper mapper, long start)
        throws IOException {
        List<Path> damaged = checkpoint.dropDamaged();
        WorkPlan plan = new WorkPlan(design.conditions().size(), design.replications());
        List<int[]> todo = new ArrayList<>();
        long total = 0;
        long reused = 0;
        for (int[] cb : plan.blocks(shard)) {
            int size = plan.endReplication(cb[1]) - plan.firstReplication(cb[1]);
            total += size;
            if (checkpoint.has(cb[0], cb[1])) {
                reused += size;
            } else {
                todo.add(cb);
            }
        }
        progress.progress(reused, total);
        FinishedBlocks finished = new FinishedBlocks(checkpoint, Runtime.getRuntime().maxMemory() / 8);
        long computed = runBlocks(todo, plan, finished, reused, total);
        boolean complete = true;
        for (int[] cb : plan.blocks(shard)) {
            complete &= checkpoint.has(cb[0], cb[1]);
        }
        RunResult.Status status;
        Optional<RunSummary> summary = Optional.empty();
        if (!complete) {
            status = RunResult.Status.STOPPED;
        } else if (!shard.isAll()) {
            status = RunResult.Status.SHARD_COMPLETE;
        } else {
            summary = Optional.of(OutputFiles.write(design, finished, outDir, mapper));
            status = RunResult.Status.COMPLETE;
        }
        // run.json first: a kill before the checkpoint is gone leaves a complete, resumable run
        writeRunInfo(outDir, identity, mapper, status, computed, reused, System.nanoTime() - start);
        if (status == RunResult.Status.COMPLETE) {
            checkpoint.delete();
        }
        return new RunResult(status, outDir, computed, reused, summary, damaged);
    }

    private long runBlocks(List<int[]> todo, WorkPlan plan, FinishedBlocks checkpoint, long reused, long total)
        throws IOException {
        if (todo.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alliance-lab-mc");
            t.setDaemon(true);
            return t;
        });
        // One cached worker per thread: blocks are queued condition by condition, so a thread
        // usually runs many blocks of the same condition with the same worker.
        ThreadLocal<CachedWorker> cache = new ThreadLocal<>();
        try {
            CompletionService<Integer> cs = new ExecutorCompletionService<>(pool);
            for (int[] cb : todo) {
                cs.submit(() -> runBlock(cb[0], cb[1], plan, checkpoint, cache));
            }
            long done = reused;
            long computed = 0;
            for (int i = 0; i < todo.size(); i++) {
                Future<Integer> f = cs.take();
                int n = f.get();
                done += n;
                computed += n;
                if (n > 0) {
                    progress.progress(done, total);
                }
            }
            return computed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    private record CachedWorker(int condition, ReplicationWorker worker) {
    }

    private int runBlock(int condition, int block, WorkPlan plan, FinishedBlocks checkpoint,
                         ThreadLocal<CachedWorker> cache) {
        if (stopRequested.getAsBoolean()) {
            return 0;
        }
        CachedWorker cw = cache.get();
        if (cw == null || cw.condition() != condition) {
            cw = new CachedWorker(condition, design.newWorker(condition));
            cache.set(cw);
        }
        int first = plan.firstReplication(block);
        int end = plan.endReplication(block);
        int width = design.layout().size();
        ReplicationRecord[] records = new ReplicationRecord[end - first];
        String[] tails = new String[end - first];
        for (int r = first; r < end; r++) {
            ReplicationRecord rec = runReplication(cw.worker(), condition, r, width);
            records[r - first] = rec;
            tails[r - first] = RecordText.tail(rec);
        }
        try {
            checkpoint.write(condition, block, new FormattedBlock(List.of(records), List.of(tails)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return end - first;
    }

    private ReplicationRecord runReplication(ReplicationWorker worker, int condition, int replication, int width) {
        UniformRandomProvider rng = ReplicationSeeds.provider(design.seed(), condition, replication);
        double[] values = new double[width];
        Arrays.fill(values, Double.NaN);
        List<Failure> failures;
        try {
            failures = worker.run(rng, values);
        } catch (ColumnMismatchException e) {
            throw e;   // a broken analysis, not a failed replication: stop the run
        } catch (RuntimeException e) {
            Arrays.fill(values, Double.NaN);
            failures = List.of(Failure.of(Analyses.REPLICATION, e));
        }
        return new ReplicationRecord(condition, replication, values, RecordText.asStored(failures));
    }

    /**
     * The checkpoint, and the blocks finished in this run kept in memory (up to a byte budget) so
     * the output pass neither reads nor formats them again; other blocks (resumed ones, or beyond
     * the budget) are read from the checkpoint. Either way a block gives the same records and text.
     */
    private static final class FinishedBlocks implements BlockSource {
        private final Checkpoint checkpoint;
        private final long budget;
        private final Map<Long, FormattedBlock> kept = new ConcurrentHashMap<>();
        private final AtomicLong used = new AtomicLong();

        FinishedBlocks(Checkpoint checkpoint, long budget) {
            this.checkpoint = checkpoint;
            this.budget = budget;
        }

        private static long key(int condition, int block) {
            return ((long) condition << 32) | (block & 0xffffffffL);
        }

        void write(int condition, int block, FormattedBlock records) throws IOException {
            checkpoint.write(condition, block, records);
            long bytes = records.footprint();
            if (used.addAndGet(bytes) <= budget) {
                kept.put(key(condition, block), records);
            } else {
                used.addAndGet(-bytes);
            }
        }

        @Override
        public boolean has(int condition, int block) {
            return checkpoint.has(condition, block);
        }

        @Override
        public List<ReplicationRecord> read(int condition, int block, int first, int end) throws IOException {
            return readFormatted(condition, block, first, end).records();
        }

        @Override
        public FormattedBlock readFormatted(int condition, int block, int first, int end) throws IOException {
            FormattedBlock b = kept.remove(key(condition, block));
            return b != null ? b : checkpoint.readFormatted(condition, block, first, end);
        }
    }

    private void writeRunInfo(Path outDir, RunIdentity identity, ObjectMapper mapper, RunResult.Status status,
                              long computed, long reused, long nanos) throws IOException {
        ObjectNode o = mapper.createObjectNode();
        o.put("scenario", design.name());
        o.put("software", SoftwareVersion.label());
        o.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        o.put("shard", shard.toString());
        o.put("threads", threads);
        o.put("engine", design.engine());
        o.put("replications_computed", computed);
        o.put("replications_reused", reused);
        o.put("wall_seconds", nanos / 1e9);
        o.put("finished_at", java.time.Instant.now().toString());
        o.set("identity", identityJson(identity, mapper));
        OutputFiles.write(outDir.resolve(OutputDirectory.RUN_JSON), o, mapper);
    }

    /** The identity as {@code run.json} records it: the fields and the scenario definition. */
    static ObjectNode identityJson(RunIdentity identity, ObjectMapper mapper) throws IOException {
        ObjectNode id = identity.toJson(mapper);
        id.set("definition", mapper.readTree(identity.scenarioJson()));
        return id;
    }
}
