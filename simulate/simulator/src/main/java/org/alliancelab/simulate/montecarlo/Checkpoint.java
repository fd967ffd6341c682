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
import java.util.Optional;
import java.util.stream.Stream;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.simulate.montecarlo.io.Csv;

/**
 * The completed replications of a run, persisted as they finish in {@code DIR/.checkpoint/}:
 * <ul>
 * <li>{@code manifest.json}: the run's identity and fingerprint ({@link RunIdentity});</li>
 * <li>{@code blocks.sha256}: the SHA-256 of every finished block ({@link BlockLedger}), checked
 *     whenever a block is read;</li>
 * <li>{@code scenario.json}: the canonical scenario, so that {@code collect} can rebuild the
 *     summary from a shard directory alone;</li>
 * <li>{@code c00000-b000000.csv}: one file per finished block (condition c, block b of
 *     {@link WorkPlan}), written atomically, header {@code replication,<columns>,failures} then
 *     one row per replication in order.</li>
 * </ul>
 * A block file exists completely or not at all, so a killed run loses at most the blocks that
 * were running; a block counts only once its digest is recorded. Block files are not forced to
 * disk (an fsync per block cost a fifth of a run's time): they survive the process being
 * killed, not an operating-system crash. A damaged block (its digest differs) is refused by
 * name when read, and {@link #dropDamaged()} lets a resumed run compute it again. A directory
 * whose manifest belongs to another run is refused, naming the difference.
 */
final class Checkpoint implements BlockSource, AutoCloseable {
    /** Name of the checkpoint directory inside an output directory. */
    static final String DIRECTORY = ".checkpoint";
    private static final String MANIFEST = "manifest.json";
    private static final String SCENARIO = "scenario.json";
    /** What a checkpoint is renamed to while it is deleted. */
    static final String DELETED = ".checkpoint.deleted";
    /** Names of block files. */
    static final java.util.regex.Pattern BLOCK_NAME = java.util.regex.Pattern.compile("c\\d{5,}-b\\d{6,}\\.csv");

    /** Format of the manifest: 2 added the block ledger and the full identity. */
    private static final int FORMAT = 2;

    private final Path dir;
    private final RunIdentity identity;
    private final String fingerprint;
    private final BlockLedger ledger;

    private Checkpoint(Path dir, RunIdentity identity, String fingerprint, BlockLedger ledger) {
        this.dir = dir;
        this.identity = identity;
        this.fingerprint = fingerprint;
        this.ledger = ledger;
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
            Optional<String> difference = identity.difference(readIdentity(dir, mapper), stored.fingerprint());
            if (difference.isPresent()) {
                throw new CheckpointException(outDir + " holds an unfinished run that differs in "
                    + difference.get() + ": use another --out directory, or --restart to discard it");
            }
            AtomicFiles.deleteTemporaries(dir);
            return new Checkpoint(dir, identity, fp, BlockLedger.read(dir));
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SCENARIO), identity.scenarioJson());
        ObjectNode m = mapper.createObjectNode();
        m.put("format", FORMAT);
        m.setAll(identity.toJson(mapper));
        AtomicFiles.writeString(manifest, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        return new Checkpoint(dir, identity, fp, BlockLedger.read(dir));
    }

    /**
     * @param dir a checkpoint directory with a manifest
     * @param mapper JSON mapper
     * @return the identity it stores (fields of older formats may be missing)
     * @throws IOException on a read error
     */
    static RunIdentity readIdentity(Path dir, ObjectMapper mapper) throws IOException {
        Path scenario = dir.resolve(SCENARIO);
        return RunIdentity.fromJson(mapper.readTree(dir.resolve(MANIFEST).toFile()),
            Files.exists(scenario) ? Files.readString(scenario, StandardCharsets.UTF_8) : null);
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
        Path f = blockFile(condition, block);
        return ledger.has(f.getFileName().toString()) && Files.exists(f);
    }

    /**
     * Checks every recorded block against its digest and forgets the damaged ones (deleting
     * their files), so that a resumed run computes them again.
     *
     * @return the damaged block files
     * @throws IOException on a read error
     */
    List<Path> dropDamaged() throws IOException {
        List<Path> damaged = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (!BLOCK_NAME.matcher(name).matches()) {
                    continue;
                }
                if (!ledger.has(name)) {
                    Files.delete(f); // never recorded: its process was killed before it could be
                    continue;
                }
                try {
                    ledger.readVerified(f);
                } catch (CheckpointException e) {
                    damaged.add(f);
                    Files.delete(f);
                }
            }
        }
        return damaged;
    }

    /**
     * Persists a finished block atomically, then records its digest.
     *
     * @param condition condition index
     * @param block block index
     * @param records its replications in order
     * @throws IOException on a write error
     */
    void write(int condition, int block, FormattedBlock records) throws IOException {
        List<String> columns = identity.columns();
        StringBuilder sb = new StringBuilder(256 * (records.records().size() + 1));
        sb.append("replication");
        for (String c : columns) {
            sb.append(',').append(Csv.text(c));
        }
        sb.append(",failures\n");
        for (int i = 0; i < records.records().size(); i++) {
            sb.append(records.records().get(i).replication()).append(records.tails().get(i));
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Path f = blockFile(condition, block);
        AtomicFiles.write(f, bytes, AtomicFiles.Durability.PROCESS_CRASH_SAFE);
        ledger.record(f.getFileName().toString(), BlockLedger.sha256(bytes));
    }

    @Override
    public List<ReplicationRecord> read(int condition, int block, int first, int end) throws IOException {
        Path f = blockFile(condition, block);
        return parse(ledger.readVerified(f), f, identity.columns(), condition, first, end);
    }

    /**
     * Reads one block of a shard's checkpoint directory, checked against that directory's ledger.
     *
     * @param ledger the ledger of the block's checkpoint directory
     * @param file the block file
     * @param columns expected record columns
     * @param condition condition index
     * @param first expected first replication
     * @param end expected end replication (exclusive)
     * @return the records
     * @throws CheckpointException when the block is unrecorded, damaged or malformed
     * @throws IOException on a read error
     */
    static List<ReplicationRecord> read(BlockLedger ledger, Path file, List<String> columns, int condition, int first,
                                        int end) throws IOException {
        return parse(ledger.readVerified(file), file, columns, condition, first, end);
    }

    /**
     * Parses and checks the content of one block file.
     *
     * @param bytes its content
     * @param file the block file, for messages
     * @param columns expected record columns
     * @param condition condition index
     * @param first expected first replication
     * @param end expected end replication (exclusive)
     * @return the records
     * @throws CheckpointException when the file does not hold exactly those replications
     * @throws IOException on a read error
     */
    private static List<ReplicationRecord> parse(byte[] bytes, Path file, List<String> columns, int condition,
                                                 int first, int end) throws IOException {
        List<ReplicationRecord> out = new ArrayList<>(end - first);
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
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
     * Deletes the checkpoint directory (after the final files are written): renamed first, so
     * that a kill during the deletion leaves no half-deleted checkpoint, only a
     * {@value #DELETED} directory that the next run removes ({@link #deleteLeftovers}).
     *
     * @throws IOException on a delete error
     */
    void delete() throws IOException {
        ledger.close();
        if (!Files.exists(dir)) {
            return;
        }
        Path gone = dir.resolveSibling(DELETED);
        deleteTree(gone);
        Files.move(dir, gone, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        deleteTree(gone);
    }

    /**
     * Removes what a killed run may have left of a deleted checkpoint.
     *
     * @param outDir an output directory
     * @throws IOException on a delete error
     */
    static void deleteLeftovers(Path outDir) throws IOException {
        deleteTree(outDir.resolve(DELETED));
    }

    /**
     * Discards an unfinished run's checkpoint ({@code --restart}).
     *
     * @param outDir an output directory
     * @throws IOException on a delete error
     */
    static void discard(Path outDir) throws IOException {
        deleteTree(outDir.resolve(DIRECTORY));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }
}
