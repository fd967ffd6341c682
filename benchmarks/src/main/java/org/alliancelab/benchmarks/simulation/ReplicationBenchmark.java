package org.alliancelab.benchmarks.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.ReplicationSeeds;
import org.alliancelab.simulate.montecarlo.ReplicationWorker;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.Failure;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One replication of a built-in scenario's first condition: generation of every study and all
 * the scenario's meta-analyses, filling the replication's record, with each engine. Every
 * operation draws from a new replication stream (master seed, condition 0, next index), as the
 * Monte Carlo runner does, so the JIT sees fresh data each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplicationBenchmark {

    /** Built-in scenario. */
    @Param({"fluckiger2018"})
    public String scenario;

    /** Engine: every patient, or the Wishart-distributed sufficient statistics. */
    @Param({"PATIENT", "SUFFICIENT"})
    public Engine engine;

    private ReplicationWorker worker;
    private double[] values;
    private long seed;
    private int replication;

    /** Loads the scenario and creates the worker of its first condition. */
    @Setup(Level.Trial)
    public void setUp() {
        Scenario s = Scenario.builtIn(scenario);
        ScenarioDesign design = ScenarioDesign.of(s, engine);
        worker = design.newWorker(0);
        values = new double[design.layout().size()];
        seed = s.seed();
    }

    /**
     * Simulates and analyses one replication.
     *
     * @return the analyses that failed (normally none); the record itself is in a field
     */
    @Benchmark
    public List<Failure> replicate() {
        Arrays.fill(values, Double.NaN);
        return worker.run(ReplicationSeeds.provider(seed, 0, replication++), values);
    }
}
