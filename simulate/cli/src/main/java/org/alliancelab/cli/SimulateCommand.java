package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.ArrayTask;
import org.alliancelab.simulate.montecarlo.CheckpointException;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.RunResult;
import org.alliancelab.simulate.montecarlo.SavedStudies;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.montecarlo.Shard;
import org.alliancelab.simulate.results.ReplicationColumns;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SimulationOutputException;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: the Monte Carlo study of one or more scenarios. Writes
 * {@code summary.json}, {@code summary.csv} and {@code replications.csv} per scenario,
 * resumes an interrupted run, runs one shard with {@code --shard i/K}, and with several
 * scenarios prints them side by side against the synthesis's figures.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run the Monte Carlo study of scenarios: simulate studies, re-run the meta-analyses on every "
        + "replication, and report bias, coverage and rejection rates with Monte Carlo SEs.",
        "Several scenarios (comma-separated) are shown side by side, e.g. "
        + "--scenario fluckiger2018,fluckiger2018-null.",
        "Rerunning an interrupted command resumes it; results do not depend on --threads or --shard."})
public final class SimulateCommand implements Callable<Integer> {
    /** Default parent directory of the outputs. */
    static final String DEFAULT_OUT = "alliance-lab-out";
    /** Disk use above which simulate says how much it will write. */
    private static final long LARGE_OUTPUT = 1_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", required = true, split = ",", paramLabel = "NAME|FILE",
        description = "Built-in scenario name or scenario JSON file; several separated by commas.")
    private List<String> scenarios;

    @Option(names = "--reps", paramLabel = "N", description = "Replications per condition (default: the scenario's).")
    private Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "T",
        description = "Worker threads (default: available processors). Results do not depend on it.")
    private Integer threads;

    @Option(names = "--engine", paramLabel = "patient|sufficient|panel",
        description = "How studies are drawn (default: sufficient when the scenario allows it, else patient; "
            + "panel for a session-by-session design).")
    private String engine;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory (default: " + DEFAULT_OUT + "/<scenario>; with several scenarios, "
            + "DIR/<scenario> each).")
    private Path out;

    @Option(names = "--shard", paramLabel = "i/K|auto|auto/K",
        description = "Run only shard i of K (1-based); merge the K directories with 'collect'. 'auto' takes i "
            + "and K from the batch scheduler's array task (Slurm, SGE/UGE, PBS Pro, Torque, LSF); 'auto/K' takes "
            + "only i from it.")
    private String shard;

    @Option(names = "--save-studies", paramLabel = "all|N|LIST", converter = Converters.StudySelection.class,
        description = "Also write the simulated studies of these replications (all, the first N, or a list of "
            + "replications numbered from 0 as in replications.csv, such as 0,5,10-12), one metafor-ready row per "
            + "condition, replication and published study, to --studies-file.")
    private SavedStudies.Selection saveStudies;

    @Option(names = "--studies-file", paramLabel = "FILE", defaultValue = "studies.csv",
        description = "Where --save-studies writes, relative to the output directory unless absolute; gzip-compressed "
            + "when the name ends in .gz; checked before the run, and never one of the run's own files "
            + "(default: ${DEFAULT-VALUE}).")
    private Path studiesFile;

    @Option(names = "--restart",
        description = "Discard what the output directory holds of another run (finished or not) and start afresh, "
            + "instead of refusing it. Only the files a run writes are deleted.")
    private boolean restart;

    @Option(names = "--quiet", description = "No progress bar and no table.")
    private boolean quiet;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
        description = "text (tables and, for several scenarios, the side-by-side verdict) or json (every run's "
            + "summary and the verdicts, as compare --format json). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Shard part;
        Engine requested;
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try {
            part = shard == null ? Shard.ALL
                : ArrayTask.isAuto(shard) ? ArrayTask.shard(shard, System.getenv()) : Shard.parse(shard);
            requested = engine == null ? null : parseEngine(engine);
            if (nThreads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + nThreads);
            }
            if (reps != null && reps < 1) {
                throw new IllegalArgumentException("--reps must be at least 1, got " + reps);
            }
            if (saveStudies != null && !part.isAll()) {
                throw new IllegalArgumentException("--save-studies writes the studies of a whole run: run it without "
                    + "--shard (the studies are the same: each replication is drawn from its own seed)");
            }
        } catch (IllegalArgumentException e) {
            err.println("alliance-lab simulate: " + e.getMessage());
            return 2;
        }
        List<ScenarioDesign> designs = new ArrayList<>();
        try {
            for (String name : scenarios) {
                Scenario s = Scenario.resolve(name.trim());
                if (seed != null) {
                    s = s.withSeed(seed);
                }
                if (reps != null) {
                    s = s.withReplications(reps);
                }
                designs.add(ScenarioDesign.of(s, requested == null ? ScenarioDesign.defaultEngine(s) : requested));
            }
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<Path> outDirs = outDirs(designs);
        if (saveStudies != null) {
            try {
                checkStudies(designs, outDirs);
            } catch (IllegalArgumentException e) {
                err.println("alliance-lab simulate: " + e.getMessage());
                return 2;
            }
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int di = 0; di < designs.size(); di++) {
            ScenarioDesign d = designs.get(di);
            Path dir = outDirs.get(di);
            boolean bar = !quiet && System.console() != null;
            ProgressBar progress = bar ? new ProgressBar(err, d.name()) : null;
            MonteCarloRunner runner = MonteCarloRunner.of(d).withThreads(nThreads).withShard(part);
            if (restart) {
                runner = runner.restarting();
            }
            if (progress != null) {
                runner = runner.withProgress(progress);
            }
            long disk = runner.estimatedDiskBytes();
            if (disk > LARGE_OUTPUT) {
                err.println("alliance-lab simulate: note: " + d.name() + " will write about "
                    + MonteCarloRunner.bytes(disk) + " to " + dir + " (replications.csv and its checkpoint)");
            }
            long start = System.nanoTime();
            RunResult r;
            try {
                r = runner.run(dir);
            } catch (CheckpointException e) {
                finish(progress);
                err.println("alliance-lab simulate: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                finish(progress);
                err.println("alliance-lab simulate: " + dir + ": cannot write output: " + e.getMessage());
                return 2;
            }
            finish(progress);
            for (Path damaged : r.damaged()) {
                err.println("alliance-lab simulate: note: " + damaged
                    + " was damaged (its SHA-256 differed from the recorded one) and was computed again");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.status() == RunResult.Status.SHARD_COMPLETE) {
                if (!quiet) {
                    o.printf(Locale.ROOT, "%s: shard %s done in %.1f s (%d replications computed, %d reused) in %s%n",
                        d.name(), part, seconds, r.computed(), r.reused(), dir);
                    o.println("Merge all shards with: collect <the shard directories> --out DIR");
                }
                continue;
            }
            summaries.add(r.summary().orElseThrow());
            dirs.add(dir);
            if (saveStudies != null) {
                Path file = dir.resolve(studiesFile);
                try {
                    SavedStudies.write(d.scenario(), Engine.ofKey(d.engine()), saveStudies.replications(d.replications()),
                        file);
                } catch (IOException e) {
                    // the destination was checked before the run: this is the disk failing (full, permissions changed)
                    err.println("alliance-lab simulate: --studies-file: "
                        + org.alliancelab.cli.io.AtomicOutput.failed(file, e).getMessage());
                    return 2;
                }
                if (!quiet && format == OutputFormat.TEXT) {
                    o.println("Studies of the chosen replications in " + file);
                }
            }
            if (!quiet && format == OutputFormat.TEXT) {
                ResultTables.print(o, summaries.get(summaries.size() - 1));
                o.printf(Locale.ROOT, "%nWall time %.1f s (%d replications computed, %d resumed from checkpoint, "
                    + "%d threads). Output in %s%n%n", seconds, r.computed(), r.reused(), nThreads, dir);
            }
        }
        boolean json = !quiet && format == OutputFormat.JSON && !summaries.isEmpty();
        if (json || (!quiet && summaries.size() > 1)) {
            List<Map<Integer, Map<String, double[]>>> pValues = new ArrayList<>();
            try {
                for (int i = 0; i < dirs.size(); i++) {
                    pValues.add(ReplicationColumns.read(dirs.get(i).resolve(RunFiles.REPLICATIONS_CSV),
                        summaries.get(i), ResultTables.P_COLUMNS::contains));
                }
            } catch (SimulationOutputException | IOException e) {
                err.println("alliance-lab simulate: " + e.getMessage());
                return 2;
            }
            if (json) {
                o.print(ComparisonReport.json(summaries, dirs, pValues, java.util.Optional.empty()));
            } else {
                ResultTables.printSideBySide(o, summaries, pValues);
            }
        }
        o.flush();
        return 0;
    }

    /**
     * Refuses, before anything runs, a {@code --save-studies} the run cannot honour: replications
     * it does not have, a studies file that is the run's own output (the directory, summary,
     * replications, run record, lock or checkpoint: writing it would destroy the run), a file
     * two scenarios would both write, or a file whose directory does not exist (the output
     * directory itself is created by the run).
     */
    private void checkStudies(List<ScenarioDesign> designs, List<Path> outDirs) {
        java.util.Set<Path> files = new java.util.HashSet<>();
        for (int di = 0; di < designs.size(); di++) {
            saveStudies.replications(designs.get(di).replications());
            Path dir = outDirs.get(di);
            Path file = dir.resolve(studiesFile);
            String shown = "'" + studiesFile + "'";
            for (Path other : outDirs) {
                java.util.Optional<String> own = MonteCarloRunner.runFile(other, file);
                if (own.isPresent()) {
                    throw new IllegalArgumentException("--studies-file " + shown + " is "
                        + (own.get().equals(".") ? "the output directory " + other
                        : "the run's own output " + own.get() + " in " + other) + "; give another file name");
                }
            }
            if (!files.add(file.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--studies-file " + shown + ": every scenario would write the same "
                    + "file " + file + "; give a name relative to the output directory");
            }
            Path parent = file.toAbsolutePath().normalize().getParent();
            if (!(parent != null && parent.equals(dir.toAbsolutePath().normalize()) && !java.nio.file.Files.exists(dir))) {
                try {
                    org.alliancelab.cli.io.AtomicOutput.checkTarget(file);
                } catch (org.alliancelab.cli.io.OutputException e) {
                    throw new IllegalArgumentException("--studies-file: " + e.getMessage(), e);
                }
            }
        }
    }

    private static void finish(ProgressBar p) {
        if (p != null) {
            p.finish();
        }
    }

    /**
     * One directory per scenario: {@code --out} itself for one scenario, else
     * {@code <out>/<name>}; two scenarios of the same name get {@code name}, {@code name-2}, ...
     * so that neither overwrites the other.
     */
    private List<Path> outDirs(List<ScenarioDesign> designs) {
        if (designs.size() == 1 && out != null) {
            return List.of(out);
        }
        Path parent = out == null ? Path.of(DEFAULT_OUT) : out;
        List<Path> dirs = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (ScenarioDesign d : designs) {
            String base = directoryName(d.name());
            String name = base;
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "-" + k;
            }
            dirs.add(parent.resolve(name));
        }
        return dirs;
    }

    /** A scenario name as one safe directory name (a name from a file could hold "/" or ".."). */
    static String directoryName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "scenario" : safe;
    }

    static Engine parseEngine(String s) {
        return Engine.ofKey(s);
    }
}
