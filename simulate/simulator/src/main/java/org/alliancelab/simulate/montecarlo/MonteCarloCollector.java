package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancelab.simulate.results.RunSummary;

/**
 * Merges the directories of shard runs ({@code simulate --shard i/K}) into the output files a
 * single run writes. Every directory must come from the same run (same fingerprint: scenario,
 * seed, replications, engine, software version); together they must hold every block. Because
 * the output is written from the stored blocks in (condition, replication) order, the files
 * are byte-identical to those of an unsharded run. Every block is checked against the SHA-256
 * its shard recorded; a damaged or unrecorded block is refused by name. The output directory
 * follows the rules of a run's ({@link OutputDirectory}): new, empty, or the same run's, and
 * locked while it is written.
 */
public final class MonteCarloCollector {

    /** Rebuilds the design of a stored run (from its scenario JSON and settings). */
    @FunctionalInterface
    public interface DesignLoader {
        /**
         * @param run what the shard directory stores
         * @return the design of that run
         */
        MonteCarloDesign load(StoredRun run);
    }

    private MonteCarloCollector() {
    }

    /**
     * @param shardDirs output directories of the shards (each with a {@code .checkpoint})
     * @param outDir where to write the merged output
     * @param loader rebuilds the design from the stored scenario
     * @return the merged run's summary
     * @throws CheckpointException when directories come from different runs or blocks are missing
     * @throws IOException on a file error
     */
    public static RunSummary collect(List<Path> shardDirs, Path outDir, DesignLoader loader)
        throws IOException {
        if (shardDirs.isEmpty()) {
            throw new CheckpointException("collect needs at least one shard directory");
        }
        ObjectMapper mapper = new ObjectMapper();
        checkShards(shardDirs);
        List<StoredRun> stored = new ArrayList<>();
        for (Path d : shardDirs) {
            Path cp = d.resolve(Checkpoint.DIRECTORY);
            if (!Files.isDirectory(cp)) {
                throw new CheckpointException(d + ": no " + Checkpoint.DIRECTORY
                    + " directory (not a shard output, or a finished unsharded run)");
            }
            stored.add(Checkpoint.readStored(cp, mapper));
        }
        StoredRun first = stored.get(0);
        for (StoredRun s : stored) {
            if (!s.fingerprint().equals(first.fingerprint())) {
                throw new CheckpointException(s.dir().getParent() + " comes from a different run ("
                    + s.description() + ") than " + first.dir().getParent() + " (" + first.description() + ")");
            }
        }
        MonteCarloDesign design = loader.load(first);
        RunIdentity identity = RunIdentity.of(design);
        if (!identity.fingerprint().equals(first.fingerprint())) {
            throw new CheckpointException(first.dir().getParent() + " was written by a different software version or "
                + "settings (" + first.description() + "; this program: " + identity.describe() + ")");
        }
        List<Path> dirs = new ArrayList<>();
        List<BlockLedger> ledgers = new ArrayList<>();
        for (StoredRun s : stored) {
            dirs.add(s.dir());
            ledgers.add(BlockLedger.read(s.dir()));
        }
        BlockSource source = new BlockSource() {
            @Override
            public boolean has(int condition, int block) {
                return find(condition, block) >= 0;
            }

            /** The shard whose checkpoint records the block, or -1. */
            private int find(int condition, int block) {
                for (int i = 0; i < dirs.size(); i++) {
                    Path f = Checkpoint.blockFile(dirs.get(i), condition, block);
                    if (Files.exists(f) && ledgers.get(i).has(f.getFileName().toString())) {
                        return i;
                    }
                }
                return -1;
            }

            @Override
            public List<ReplicationRecord> read(int condition, int block, int firstRep, int end) throws IOException {
                int i = find(condition, block);
                return Checkpoint.read(ledgers.get(i), Checkpoint.blockFile(dirs.get(i), condition, block),
                    identity.columns(), condition, firstRep, end);
            }
        };
        WorkPlan plan = new WorkPlan(design.conditions().size(), design.replications());
        int missing = 0;
        String firstMissing = null;
        for (int[] cb : plan.blocks(Shard.ALL)) {
            if (!source.has(cb[0], cb[1])) {
                missing++;
                if (firstMissing == null) {
                    firstMissing = "condition " + cb[0] + ", replications " + plan.firstReplication(cb[1]) + "-"
                        + (plan.endReplication(cb[1]) - 1);
                }
            }
        }
        if (missing > 0) {
            throw new CheckpointException("the shard directories lack " + missing + " of "
                + plan.blocks(Shard.ALL).size() + " blocks (first: " + firstMissing
                + "): give every shard's directory, after each shard has finished");
        }
        OutputDirectory.checkForeign(outDir);
        try (RunLock lock = RunLock.acquire(outDir)) {
            OutputDirectory.prepare(outDir, identity, false, mapper);
            if (Files.isDirectory(outDir.resolve(Checkpoint.DIRECTORY))) {
                throw new CheckpointException(outDir + " holds a checkpoint (a shard or an unfinished run): collect "
                    + "into another directory");
            }
            RunSummary summary = OutputFiles.write(design, source, outDir, mapper);
            ObjectNode run = mapper.createObjectNode();
            run.put("scenario", design.name());
            run.put("software", SoftwareVersion.label());
            run.put("status", "complete");
            run.put("collected_from", shardDirs.size());
            run.put("finished_at", java.time.Instant.now().toString());
            run.set("identity", MonteCarloRunner.identityJson(identity, mapper));
            OutputFiles.write(outDir.resolve(OutputDirectory.RUN_JSON), run, mapper);
            return summary;
        }
    }

    /**
     * Refuses an unfinished shard, a mixed split (shards of different K), a shard given twice
     * and an incomplete set of shards, naming the directory or the missing shards.
     */
    private static void checkShards(List<Path> shardDirs) throws IOException {
        java.util.Map<Integer, Path> byIndex = new java.util.TreeMap<>();
        Integer count = null;
        Path countFrom = null;
        for (Path d : shardDirs) {
            ShardState s = ShardState.of(d);
            if (s.state() == ShardState.State.MISSING) {
                continue; // reported below as "not a shard output"
            }
            if (s.state() == ShardState.State.STARTED) {
                throw new CheckpointException(d + ": shard not finished (" + s.blocks() + " blocks, no run.json with "
                    + "status shard_complete): rerun its simulate command to resume it, then collect");
            }
            Shard shard = s.shard().orElseThrow();
            if (shard.isAll()) {
                continue;
            }
            if (count != null && shard.count() != count) {
                throw new CheckpointException(d + " is shard " + shard + " of a " + shard.count() + "-shard split, but "
                    + countFrom + " is of a " + count + "-shard split: collect the shards of one split");
            }
            count = shard.count();
            countFrom = d;
            Path other = byIndex.put(shard.index(), d);
            if (other != null) {
                throw new CheckpointException(d + " and " + other + " are both shard " + shard);
            }
        }
        if (count != null && byIndex.size() < count) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!byIndex.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new CheckpointException("shard" + (missing.size() == 1 ? " " : "s ") + missing.toString()
                .replaceAll("[\\[\\]]", "") + " of " + count + " missing: give every shard's directory");
        }
    }
}
