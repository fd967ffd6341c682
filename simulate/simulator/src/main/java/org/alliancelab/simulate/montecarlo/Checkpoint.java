package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.simulate.montecarlo.io.Csv;

/**
 * The completed replications of a run, persisted as they finish in {@code DIR/.checkpoint/}:
 * <ul>
 * <li>{@code manifest.json}: the run's identity and fingerprint ({@link RunIdentity});</li>
 * <li>{@code scenario.json}: the canonical scenario, so that {@code collect} can rebuild the
 *     summary from a shard directory alone;</li>
 * <li>{@code c00000-b000000.csv}: one file per finished block (condition c, block b of
 *     {@link WorkPlan}), written atomically, header {@code replication,<columns>,failures} then
 *     one row per replication in order.</li>
 * </ul>
 * A block file exists completely or not at all, so a killed run loses at most the blocks that
 * were running. Block files are not forced to disk (an fsync per block cost a fifth of a run's
 * time): they survive the process being killed, not an operating-system crash, after which a
 * damaged block is reported by name (delete it and rerun). A directory whose manifest belongs
 * to another run is refused.
 */
final class Checkpoint implements BlockSource {
    /** Name of the checkpoint directory inside an output directory. */
    static final String DIRECTORY = ".checkpoint";
    private static final String MANIFEST = "manifest.json";
    private static final String SCENARIO = "scenario.json";

    private final Path dir;
    private final RunIdentity identity;
    private final String fingerprint;

    private Checkpoint(Path dir, RunIdentity identity, String fingerprint) {
        this.dir = dir;
        this.identity = identity;
        this.fingerprint = fingerprint;
    }

    /**
     * Opens the checkpoint of an output directory for a run, creating it when absent.
     *
     * @param outDir the output directory
     * @param identity the run's identity
     * @param mapper JSON mapper
     * @return the checkpoint
     * @throws CheckpointException when the directory holds another run's checkpoint
     * @throws IOException on a file error
     */
    static Checkpoint open(Path outDir, RunIdentity identity, ObjectMapper mapper) throws IOException {
        Path dir = outDir.resolve(DIRECTORY);
        String fp = identity.fingerprint();
        Path manifest = dir.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            StoredRun stored = readStored(dir, mapper);
            if (!stored.fingerprint().equals(fp)) {
                throw new CheckpointException(dir + " holds a checkpoint of a different run ("
                    + stored.description() + "; this run: " + identity.describe()
                    + "): use another --out directory or delete " + dir);
            }
            AtomicFiles.deleteTemporaries(dir);
            return new Checkpoint(dir, identity, fp);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SCENARIO), identity.scenarioJson());
        ObjectNode m = mapper.createObjectNode();
        m.put("format", 1);
        m.put("fingerprint", fp);
        m.put("scenario", identity.scenario());
        m.put("seed", identity.seed());
        m.put("replications", identity.replications());
        m.put("engine", identity.engine());
        m.put("software", identity.software());
        m.put("block_size", identity.blockSize());
        AtomicFiles.writeString(manifest, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        return new Checkpoint(dir, identity, fp);
    }

    /**
     * Reads the manifest and scenario of a checkpoint directory.
     *
     * @param dir the checkpoint directory
     * @param mapper JSON mapper
     * @return what it stores
     * @throws CheckpointException when the manifest is missing or unreadable
     * @throws IOException on a file error
     */
    static StoredRun readStored(Path dir, ObjectMapper mapper) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            throw new CheckpointException(manifest + ": not found (not a simulate output or shard directory)");
        }
        JsonNode m;
        try {
            m = mapper.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new CheckpointException(manifest + ": unreadable manifest (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        for (String f : new String[] {"fingerprint", "scenario", "seed", "replications", "engine", "software"}) {
            if (m == null || !m.hasNonNull(f)) {
                throw new CheckpointException(manifest + ": field '" + f + "' missing");
            }
        }
        Path scenario = dir.resolve(SCENARIO);
        if (!Files.exists(scenario)) {
            throw new CheckpointException(scenario + ": not found");
        }
        return new StoredRun(dir, m.get("fingerprint").asText(), m.get("scenario").asText(), m.get("seed").asLong(),
            m.get("replications").asInt(), m.get("engine").asText(), m.get("software").asText(),
            Files.readString(scenario, StandardCharsets.UTF_8));
    }

    /** @return the run's fingerprint */
    String fingerprint() {
        return fingerprint;
    }

    /** @return the checkpoint directory */
    Path directory() {
        return dir;
    }

    private Path blockFile(int condition, int block) {
        return blockFile(dir, condition, block);
    }

    static Path blockFile(Path dir, int condition, int block) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "c%05d-b%06d.csv", condition, block));
    }

    @Override
    public boolean has(int condition, int block) {
        return Files.exists(blockFile(condition, block));
    }

    /**
     * Persists a finished block atomically.
     *
     * @param condition condition index
     * @param block block index
     * @param records its replications in order
     * @throws IOException on a write error
     */
    void write(int condition, int block, FormattedBlock records) throws IOException {
        List<String> columns = identity.columns();
        AtomicFiles.write(blockFile(condition, block), w -> {
            w.write("replication");
            for (String c : columns) {
                w.write(',');
                w.write(Csv.text(c));
            }
            w.write(",failures\n");
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < records.records().size(); i++) {
                sb.setLength(0);
                sb.append(records.records().get(i).replication()).append(records.tails().get(i));
                w.write(sb.toString());
            }
        }, AtomicFiles.Durability.PROCESS_CRASH_SAFE);
    }

    @Override
    public List<ReplicationRecord> read(int condition, int block, int first, int end) throws IOException {
        return read(blockFile(condition, block), identity.columns(), condition, first, end);
    }

    /**
     * Reads and checks one block file.
     *
     * @param file the block file
     * @param columns expected record columns
     * @param condition condition index
     * @param first expected first replication
     * @param end expected end replication (exclusive)
     * @return the records
     * @throws CheckpointException when the file does not hold exactly those replications
     * @throws IOException on a read error
     */
    static List<ReplicationRecord> read(Path file, List<String> columns, int condition, int first, int end)
        throws IOException {
        List<ReplicationRecord> out = new ArrayList<>(end - first);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> expected = new ArrayList<>();
            expected.add("replication");
            expected.addAll(columns);
            expected.add("failures");
            if (header == null || !Csv.split(header).equals(expected)) {
                throw new CheckpointException(file + ": columns differ from this run's");
            }
            int width = columns.size();
            for (int r = first; r < end; r++) {
                String line = in.readLine();
                if (line == null) {
                    throw new CheckpointException(file + ": ends before replication " + r);
                }
                List<String> f;
                try {
                    f = Csv.split(line);
                } catch (IllegalArgumentException e) {
                    throw new CheckpointException(file + ": row of replication " + r + ": " + e.getMessage());
                }
                if (f.size() != width + 2 || !f.get(0).equals(Integer.toString(r))) {
                    throw new CheckpointException(file + ": row of replication " + r + " is malformed");
                }
                double[] values = new double[width];
                try {
                    for (int j = 0; j < width; j++) {
                        values[j] = Csv.parseNumber(f.get(j + 1));
                    }
                } catch (NumberFormatException e) {
                    throw new CheckpointException(file + ": row of replication " + r + ": not a number");
                }
                out.add(new ReplicationRecord(condition, r, values, FailureText.parse(f.get(width + 1))));
            }
            if (in.readLine() != null) {
                throw new CheckpointException(file + ": rows after replication " + (end - 1));
            }
        }
        return out;
    }

    /**
     * Deletes the checkpoint directory (after the final files are written).
     *
     * @throws IOException on a delete error
     */
    void delete() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
