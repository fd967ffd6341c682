package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.simulate.results.RunFiles;

/**
 * The rules for writing a run into a directory, so that no result is silently mixed with
 * another run's and nothing that is not ours is touched:
 * <ul>
 * <li>a directory that exists, is not empty and holds neither {@code run.json} nor a
 *     checkpoint is not an alliance-lab output: it is refused, with or without restart;</li>
 * <li>a finished run's directory ({@code run.json} with the run's identity) is reused only by
 *     the same run; another run is refused, naming the first difference, unless it restarts;</li>
 * <li>a restart deletes the files a run writes (and only those), then starts afresh;</li>
 * <li>temporary files and half-deleted checkpoints of a killed process are removed.</li>
 * </ul>
 * The caller holds the directory's {@link RunLock} for every step but {@link #checkForeign}.
 */
final class OutputDirectory {
    /** The run's record of what it is and how it ended. */
    static final String RUN_JSON = "run.json";

    /** Files a run writes (besides its checkpoint), deleted by a restart. */
    private static final List<String> RUN_FILES = List.of(RunFiles.REPLICATIONS_CSV, RunFiles.SUMMARY_CSV,
        OutputFiles.SUMMARY_JSON, RUN_JSON);

    /** Entries that make a directory an alliance-lab output. */
    private static final Set<String> MARKERS = Set.of(RUN_JSON, Checkpoint.DIRECTORY, RunLock.FILE,
        Checkpoint.DELETED);

    private OutputDirectory() {
    }

    /**
     * Whether a path is the output directory itself or a file a run writes or deletes in it (its
     * result files, lock, checkpoint, temporary files), compared as normalized absolute paths.
     *
     * @param dir the output directory (need not exist)
     * @param file any path
     * @return the name of the run's file it is ({@code "."} for the directory), or empty
     */
    static Optional<String> ownFile(Path dir, Path file) {
        Path d = dir.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (f.equals(d)) {
            return Optional.of(".");
        }
        if (!f.startsWith(d)) {
            return Optional.empty();
        }
        String first = d.relativize(f).getName(0).toString();
        boolean temporary = f.getParent().equals(d) && first.startsWith(".") && first.endsWith(AtomicFiles.TEMP_SUFFIX);
        return RUN_FILES.contains(first) || MARKERS.contains(first) || temporary ? Optional.of(first) : Optional.empty();
    }

    /**
     * Refuses a directory that is not empty and not an alliance-lab output. Called before the
     * lock is taken, so that not even a lock file is left in someone else's directory.
     *
     * @param dir the output directory (need not exist)
     * @throws CheckpointException for a non-empty foreign directory, or a path that is a file
     * @throws IOException when the directory cannot be listed
     */
    static void checkForeign(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + ": is a file, not a directory: give a new or empty directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            boolean empty = true;
            boolean ours = false;
            for (Path p : (Iterable<Path>) entries::iterator) {
                empty = false;
                ours |= MARKERS.contains(p.getFileName().toString());
            }
            if (!empty && !ours) {
                throw new CheckpointException(dir + ": not empty and not an alliance-lab output (no run.json or "
                    + Checkpoint.DIRECTORY + "): refusing to write into it; give a new or empty directory");
            }
        }
    }

    /**
     * Makes the directory ready for a run: removes leftovers of killed processes, refuses (or,
     * restarting, discards) a finished or unfinished run that differs, and on restart deletes
     * the run files.
     *
     * @param dir the locked output directory
     * @param identity this run
     * @param shard this run's shard ({@link Shard#ALL} for a whole run or a merge)
     * @param restart whether to discard what is there
     * @param mapper JSON mapper
     * @throws CheckpointException when the directory holds a different run, or another shard
     *     of this run, and not restarting
     * @throws IOException on a file error
     */
    static void prepare(Path dir, RunIdentity identity, Shard shard, boolean restart, ObjectMapper mapper)
        throws IOException {
        AtomicFiles.deleteTemporaries(dir);
        Checkpoint.deleteLeftovers(dir);
        if (restart) {
            Checkpoint.discard(dir);
            for (String f : RUN_FILES) {
                Files.deleteIfExists(dir.resolve(f));
            }
            return;
        }
        boolean checkpoint = Files.isDirectory(dir.resolve(Checkpoint.DIRECTORY));
        JsonNode stored = readRunJson(dir, mapper, checkpoint);
        if (stored == null) {
            return;
        }
        checkSameShard(dir, stored, identity, shard);
        if (checkpoint) {
            return; // an unfinished run or a shard: the checkpoint's manifest decides (Checkpoint.open)
        }
        Optional<String> difference = finishedDifference(stored, identity);
        if (difference.isPresent()) {
            throw new CheckpointException(dir + " holds a finished run that differs in " + difference.get()
                + ": use another --out directory, or --restart to replace it");
        }
    }

    /**
     * The directory's {@code run.json}, read once for both checks; null when there is none, or
     * when it is unreadable next to a checkpoint (whose manifest then decides).
     */
    private static JsonNode readRunJson(Path dir, ObjectMapper mapper, boolean checkpoint) throws IOException {
        Path run = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(run, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            JsonNode stored = mapper.readTree(run.toFile());
            return stored == null ? mapper.createObjectNode() : stored;
        } catch (IOException e) {
            if (checkpoint) {
                return null;
            }
            throw new CheckpointException(run + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
                + "): use another --out directory, or --restart to replace the run");
        }
    }

    /**
     * Refuses another shard of the same run: a shard directory records its shard in
     * {@code run.json}; a second shard written into it would overwrite that record, and
     * {@code collect} would then miss the first shard. A different run is left to the identity
     * checks, which name the difference.
     */
    private static void checkSameShard(Path dir, JsonNode stored, RunIdentity identity, Shard shard) {
        if (!identity.fingerprint().equals(stored.path("identity").path("fingerprint").asText())) {
            return;
        }
        String there = stored.path("shard").asText(null);
        if (there != null && !there.equals(shard.toString())) {
            throw new CheckpointException(dir + " holds shard " + there + " of this run, not " + shard
                + ": give each shard its own --out directory, or --restart to replace it");
        }
    }

    /** The difference between this run and the one whose outputs the directory holds, if any. */
    private static Optional<String> finishedDifference(JsonNode stored, RunIdentity identity) {
        JsonNode id = stored.get("identity");
        if (id == null || !id.hasNonNull("fingerprint")) {
            return Optional.of("its origin (" + RUN_JSON + " records no run identity: written by an earlier "
                + "version)");
        }
        String definition = id.has("definition") ? id.get("definition").toString() : null;
        return identity.difference(RunIdentity.fromJson(id, definition), id.get("fingerprint").asText());
    }
}
