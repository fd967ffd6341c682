package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.montecarlo.ShardState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cluster status DIR}: per shard complete, queued or running (Slurm still has the task),
 * failed (not queued, not finished: with the tail of its error log) or missing (never started);
 * and whether the merged result exists.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Which shards of a cluster directory are complete, queued or running, failed (with the tail of "
        + "the log) or missing, and whether the merged result is there."})
public final class ClusterStatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A directory written by cluster slurm.")
    private Path dir;

    /** A shard's state as status reports it. */
    enum Task { COMPLETE, QUEUED, FAILED, MISSING }

    static Task state(SlurmArray a, int i, Set<Integer> queued) throws IOException {
        return state(a, i, ShardState.of(a.shardDir(i)), queued);
    }

    private static Task state(SlurmArray a, int i, ShardState s, Set<Integer> queued) {
        if (s.state() == ShardState.State.COMPLETE) {
            return Task.COMPLETE;
        }
        if (queued.contains(i)) {
            return Task.QUEUED;
        }
        boolean started = s.state() == ShardState.State.STARTED || Files.exists(a.log("shard-" + i + ".out"))
            || Files.exists(a.log("shard-" + i + ".err"));
        return started ? Task.FAILED : Task.MISSING;
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        try {
            SlurmArray a = SlurmArray.read(dir);
            Set<Integer> queued = a.queued();
            int[] counts = new int[Task.values().length];
            o.printf("%s: scenario %s, %d shards, jobs %s%n", a.dir, a.manifest.path("scenario").asText(), a.tasks(),
                a.arrayJobs().isEmpty() ? "(not submitted)" : String.join(", ", a.arrayJobs()));
            for (int i = 1; i <= a.tasks(); i++) {
                ShardState s = ShardState.of(a.shardDir(i));
                Task t = state(a, i, s, queued);
                counts[t.ordinal()]++;
                o.printf("  shard %d: %s%s%n", i, t.name().toLowerCase(java.util.Locale.ROOT),
                    t == Task.QUEUED || t == Task.FAILED ? " (" + s.blocks() + " blocks checkpointed)" : "");
                if (t == Task.FAILED) {
                    String tail = SlurmArray.tail(a.log("shard-" + i + ".err"), 5);
                    if (!tail.isEmpty()) {
                        tail.lines().forEach(l -> o.println("      | " + l));
                    }
                }
            }
            boolean merged = Files.isRegularFile(a.dir.resolve(SlurmArray.RESULT).resolve("summary.json"));
            o.printf("%d complete, %d queued or running, %d failed, %d missing; merged result: %s%n",
                counts[Task.COMPLETE.ordinal()], counts[Task.QUEUED.ordinal()], counts[Task.FAILED.ordinal()],
                counts[Task.MISSING.ordinal()], merged ? a.dir.resolve(SlurmArray.RESULT) : "not yet");
            if (counts[Task.FAILED.ordinal()] + counts[Task.MISSING.ordinal()] > 0 && counts[Task.QUEUED.ordinal()] == 0) {
                o.println("Resubmit the failed and missing shards with: cluster resubmit " + a.dir);
            }
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("alliance-lab cluster status: " + e.getMessage());
            return AllianceLab.EXIT_USER_ERROR;
        }
        o.flush();
        return AllianceLab.EXIT_OK;
    }
}
