package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluster slurm}: writes a cluster directory ({@link SlurmArray}) with a Slurm array job
 * of K shards and a merge job, and with {@code --submit} submits them.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a Slurm array job (one task per shard, 'simulate --shard auto/K') and a merge job "
        + "('collect', chained with --dependency=afterok) for a scenario; --submit also submits them.",
        "Example: cluster slurm --scenario fluckiger2018 --reps 10000 --tasks 20 --out runs/f2018 --submit"})
public final class ClusterSlurmCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE", description = "Built-in name or scenario file.")
    private String scenario;

    @Option(names = "--tasks", required = true, paramLabel = "K", description = "Array tasks, one shard each.")
    private int tasks;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The cluster directory to write.")
    private Path out;

    @Option(names = "--reps", paramLabel = "N", description = "Replications per condition (default: the scenario's).")
    private Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    private Long seed;

    @Option(names = "--time", paramLabel = "HH:MM:SS", defaultValue = "01:00:00",
        description = "Time limit per task (default: ${DEFAULT-VALUE}).")
    private String time;

    @Option(names = "--cpus", paramLabel = "C", defaultValue = "2",
        description = "CPUs per task, also the task's --threads (default: ${DEFAULT-VALUE}).")
    private int cpus;

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = "4G", description = "Memory per task (default: ${DEFAULT-VALUE}).")
    private String mem;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    private String partition;

    @Option(names = "--jar", paramLabel = "FILE",
        description = "The alliance-lab jar the tasks run (default: the running one). It must be readable on every node.")
    private Path jar;

    @Option(names = "--submit", description = "Submit the jobs with sbatch and print their ids.")
    private boolean submit;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (tasks < 1 || cpus < 1 || (reps != null && reps < 1)) {
                throw new IllegalArgumentException("--tasks, --cpus and --reps must be at least 1");
            }
            if (!time.matches("(\\d+-)?\\d+(:\\d{2}){0,2}")) {
                throw new IllegalArgumentException("--time must be a Slurm time such as 01:00:00 or 1-00:00:00, got '"
                    + time + "'");
            }
            if (!mem.matches("\\d+[KMGT]?")) {
                throw new IllegalArgumentException("--mem must be a Slurm size such as 4G or 500M, got '" + mem + "'");
            }
            Scenario s = Scenario.resolve(scenario.trim());
            if (seed != null) {
                s = s.withSeed(seed);
            }
            if (reps != null) {
                s = s.withReplications(reps);
            }
            Path theJar = jar != null ? jar : runningJar();
            if (!theJar.toFile().isFile()) {
                throw new IllegalArgumentException("--jar " + theJar + ": not a file");
            }
            SlurmArray a = SlurmArray.write(out, s.toJson() + "\n", s.name(), s.seed(), s.replications(), tasks, theJar,
                time, cpus, mem, partition);
            o.printf("Wrote %s: %s (%d tasks), %s, %s%n", a.dir, SlurmArray.ARRAY, tasks, SlurmArray.MERGE,
                SlurmArray.SUBMIT);
            if (submit) {
                String[] ids = a.submit(null);
                o.printf("Submitted array job %s and merge job %s (after the array succeeds). Follow it with: "
                    + "cluster status %s%n", ids[0], ids[1], a.dir);
            } else {
                o.printf("Submit with: %s%n", a.dir.resolve(SlurmArray.SUBMIT));
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("alliance-lab cluster slurm: " + e.getMessage());
            return AllianceLab.EXIT_USER_ERROR;
        } catch (IOException e) {
            err.println("alliance-lab cluster slurm: " + e.getMessage());
            return AllianceLab.EXIT_FAILURE;
        }
        o.flush();
        return AllianceLab.EXIT_OK;
    }

    /** The jar this program runs from; refused (use --jar) when it runs from classes. */
    static Path runningJar() {
        try {
            Path p = Path.of(AllianceLab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        throw new IllegalArgumentException("not running from a jar: give --jar simulate/target/alliance-lab.jar");
    }
}
