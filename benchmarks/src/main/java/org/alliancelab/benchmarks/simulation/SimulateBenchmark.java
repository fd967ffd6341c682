package org.alliancelab.benchmarks.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.RunResult;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.scenario.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code simulate} command's work: a Monte Carlo run of a built-in scenario with a
 * given number of replications per condition (every condition of its grid), on 1 or 2 worker
 * threads, into a fresh output directory (checkpoint, summary and replication files included).
 * The speed-up of 2 threads over 1 is the ratio of the two scores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulateBenchmark {

    /** Built-in scenario (with its default engine). */
    @Param({"fluckiger2018"})
    public String scenario;

    /** Replications per condition. */
    @Param({"200"})
    public int replications;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private MonteCarloRunner runner;
    private Path outDir;

    /** Builds the runner once. */
    @Setup(Level.Trial)
    public void setUp() {
        Scenario s = Scenario.builtIn(scenario).withReplications(replications);
        ScenarioDesign design = ScenarioDesign.of(s, ScenarioDesign.defaultEngine(s));
        runner = MonteCarloRunner.of(design).withThreads(threads);
    }

    /**
     * A fresh output directory for each run.
     *
     * @throws IOException if it cannot be created
     */
    @Setup(Level.Invocation)
    public void createDirectory() throws IOException {
        outDir = Files.createTempDirectory("alliance-lab-bench");
    }

    /**
     * Removes the run's output.
     *
     * @throws IOException if it cannot be removed
     */
    @TearDown(Level.Invocation)
    public void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(outDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Runs the simulation.
     *
     * @return what the run did
     * @throws IOException on a file error
     */
    @Benchmark
    public RunResult simulate() throws IOException {
        return runner.run(outDir);
    }
}
