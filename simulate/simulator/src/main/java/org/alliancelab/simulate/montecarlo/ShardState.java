package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a shard's output directory holds: nothing yet, an unfinished run (its checkpoint, no
 * {@code run.json} saying {@code shard_complete}: running, or killed and resumable by rerunning
 * the same command), or a finished shard with its {@code i/K}.
 *
 * @param dir the directory
 * @param state the state
 * @param shard the shard {@code run.json} names, when finished
 * @param blocks checkpoint blocks present (finished work units)
 */
public record ShardState(Path dir, State state, Optional<Shard> shard, int blocks) {

    /** The states. */
    public enum State {
        /** No checkpoint: never started here. */
        MISSING,
        /** A checkpoint but no finished-shard record: running, or stopped and resumable. */
        STARTED,
        /** Finished: {@code run.json} has status {@code shard_complete}. */
        COMPLETE
    }

    /**
     * @param dir a shard output directory (need not exist)
     * @return its state
     * @throws IOException when the directory cannot be listed
     */
    public static ShardState of(Path dir) throws IOException {
        Path checkpoint = dir.resolve(Checkpoint.DIRECTORY);
        if (!Files.isDirectory(checkpoint)) {
            return new ShardState(dir, State.MISSING, Optional.empty(), 0);
        }
        int blocks;
        try (var files = Files.list(checkpoint)) {
            blocks = (int) files.filter(p -> Checkpoint.BLOCK_NAME.matcher(p.getFileName().toString()).matches()).count();
        }
        Path run = dir.resolve("run.json");
        if (Files.isRegularFile(run)) {
            try {
                JsonNode o = new ObjectMapper().readTree(run.toFile());
                if ("shard_complete".equals(o.path("status").asText()) && o.path("shard").isTextual()) {
                    return new ShardState(dir, State.COMPLETE, Optional.of(Shard.parse(o.get("shard").asText())), blocks);
                }
            } catch (IOException | IllegalArgumentException e) {
                // A damaged run.json: the shard counts as unfinished; rerunning rewrites it.
            }
        }
        return new ShardState(dir, State.STARTED, Optional.empty(), blocks);
    }
}
