package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cluster resubmit DIR}: submits the array job again for the shards that are neither
 * complete nor queued (each resumes from its checkpoint) and a merge chained to it. Refused while
 * a shard is still queued or running.
 */
@Command(name = "resubmit", mixinStandardHelpOptions = true,
    description = {"Resubmit the failed and missing shards of a cluster directory (each resumes from its checkpoint) "
        + "and the merge after them."})
public final class ClusterResubmitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A directory written by cluster slurm.")
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SlurmArray a = SlurmArray.read(dir);
            Set<Integer> queued = a.queued();
            Set<Integer> redo = new TreeSet<>();
            for (int i = 1; i <= a.tasks(); i++) {
                ClusterStatusCommand.Task t = ClusterStatusCommand.state(a, i, queued);
                if (t == ClusterStatusCommand.Task.QUEUED) {
                    err.println("alliance-lab cluster resubmit: shard " + i + " is still queued or running (jobs "
                        + String.join(", ", a.arrayJobs()) + "): wait for it, or scancel it, then resubmit");
                    return AllianceLab.EXIT_USER_ERROR;
                }
                if (t != ClusterStatusCommand.Task.COMPLETE) {
                    redo.add(i);
                }
            }
            if (redo.isEmpty()) {
                if (a.dir.resolve(SlurmArray.RESULT).resolve("summary.json").toFile().isFile()) {
                    o.println("Nothing to resubmit: every shard is complete and merged in " + a.dir.resolve(SlurmArray.RESULT));
                    return AllianceLab.EXIT_OK;
                }
                String id = SlurmArray.run(java.util.List.of("sbatch", "--parsable", a.dir.resolve(SlurmArray.MERGE).toString()))
                    .split(";")[0];
                o.println("Every shard is complete; submitted the merge job " + id);
                return AllianceLab.EXIT_OK;
            }
            // The earlier merge jobs wait on arrays that failed: they would never run.
            for (com.fasterxml.jackson.databind.JsonNode m : a.manifest.withArray("merge_jobs")) {
                try {
                    SlurmArray.run(java.util.List.of("scancel", m.asText()));
                } catch (IOException e) {
                    // already gone
                }
            }
            String[] ids = a.submit(redo);
            o.printf("Resubmitted shard%s %s as array job %s, merge job %s%n", redo.size() == 1 ? "" : "s",
                String.join(",", redo.stream().map(String::valueOf).toList()), ids[0], ids[1]);
        } catch (IllegalArgumentException e) {
            err.println("alliance-lab cluster resubmit: " + e.getMessage());
            return AllianceLab.EXIT_USER_ERROR;
        } catch (IOException e) {
            err.println("alliance-lab cluster resubmit: " + e.getMessage());
            return AllianceLab.EXIT_FAILURE;
        }
        o.flush();
        return AllianceLab.EXIT_OK;
    }
}
