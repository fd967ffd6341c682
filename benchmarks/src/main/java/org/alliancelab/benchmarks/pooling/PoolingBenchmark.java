package org.alliancelab.benchmarks.pooling;

import java.util.concurrent.TimeUnit;

import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
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
 * The pooling hot path: one random-effects meta-analysis of k studies per operation.
 *
 * <p>{@link #fitWorkspace} is the entry point a Monte Carlo loop uses, meant to allocate nothing
 * ({@code -prof gc} reports {@code gc.alloc.rate.norm} per operation); {@link #fitResult} is the
 * convenient API that allocates its immutable result. Compare both with
 * {@link FloorBenchmark#weightedSum}, run in the same invocation of JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PoolingBenchmark {

    /** Estimator of tau-squared. */
    @Param({"EE", "DL", "PM", "REML"})
    public TauSquaredEstimator estimator;

    /** Test of the pooled estimate: z or Knapp-Hartung. */
    @Param({"Z", "KNHA"})
    public InferenceTest test;

    private RandomEffectsModel model;
    private PoolingWorkspace workspace;

    /** Builds the model and its reusable workspace once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        model = RandomEffectsModel.of(estimator).withTest(test);
        workspace = new PoolingWorkspace();
    }

    /**
     * Allocation-free fit into a reused workspace.
     *
     * @param in the studies
     * @return the workspace holding the results (all of them stored to the heap, so none is
     *     dead code)
     */
    @Benchmark
    public PoolingWorkspace fitWorkspace(PoolingInput in) {
        model.fit(in.yi, in.vi, in.k, workspace);
        return workspace;
    }

    /**
     * Fit through the object API, which returns a new immutable result.
     *
     * @param in the studies
     * @return the result
     */
    @Benchmark
    public MetaAnalysisResult fitResult(PoolingInput in) {
        return model.fit(in.yi, in.vi);
    }
}
