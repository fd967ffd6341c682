package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an output directory holds a finished run whose result files may be read (by
 * {@code report}): not an unfinished run, a shard, or result files left by an earlier run next
 * to the checkpoint or {@code run.json} of another.
 */
public final class FinishedRun {
    private FinishedRun() {
    }

    /**
     * @param dir an output directory
     * @param summaryDefinition the scenario definition its {@code summary.json} records (JSON
     *     text, "" when none)
     * @return empty when the directory holds a finished run, else why not and what to do, to
     *     follow the directory's name
     * @throws IOException when {@code run.json} cannot be read
     */
    public static Optional<String> problem(Path dir, String summaryDefinition) throws IOException {
        if (Files.isDirectory(dir.resolve(Checkpoint.DIRECTORY))) {
            return Optional.of("holds an unfinished run (a checkpoint in " + Checkpoint.DIRECTORY
                + "): finish it by running the same simulate command again, then report it; its result files, if any, "
                + "are of an earlier run");
        }
        Path run = dir.resolve(OutputDirectory.RUN_JSON);
        if (!Files.isRegularFile(run, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // written by a version before run.json: nothing to check against
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode stored;
        try {
            stored = mapper.readTree(run.toFile());
        } catch (IOException e) {
            return Optional.of(OutputDirectory.RUN_JSON + " is unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        String status = stored == null ? "" : stored.path("status").asText("");
        if (!status.equals("complete")) {
            return Optional.of("holds a run that is not finished (status '" + status + "' in "
                + OutputDirectory.RUN_JSON + (status.equals("shard_complete") ? ": a shard; collect the shards first"
                    : ": rerun the same simulate command to finish it") + ")");
        }
        JsonNode definition = stored.path("identity").path("definition");
        if (!definition.isMissingNode() && !summaryDefinition.isEmpty()
            && !Objects.equals(definition, mapper.readTree(summaryDefinition))) {
            return Optional.of("summary.json and " + OutputDirectory.RUN_JSON + " are of different scenarios "
                + "(files of two runs mixed in one directory): rerun simulate with --restart");
        }
        return Optional.empty();
    }
}
