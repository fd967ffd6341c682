package org.alliancelab.benchmarks.regression;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.comparison.PairedComparison;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.SandwichEstimator;
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
 * The simulator's paired comparison per replication: k studies' adjusted and unadjusted
 * Fisher z (vi = 1/(n - 5) and 1/(n - 3)), working correlation .8, REML. Baseline
 * {@link #modelBased}: the within-study differences pooled with the model's own test
 * ({@link EstimateComparison#paired}); {@link #cr2}: the same pooling plus CR2 inference with
 * Satterthwaite df ({@link EstimateComparison#pairedRobust}), the default since issue 10. The
 * ratio is the cost of holding the test's size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClusterRobustBenchmark {

    /** Number of studies reporting both estimates. */
    @Param({"66", "300"})
    public int k;

    private double[] yiA;
    private double[] viA;
    private double[] yiB;
    private double[] viB;
    private double[] rho;
    private RandomEffectsModel model;

    /** Generates the studies once per trial from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_202L);
        yiA = new double[k];
        viA = new double[k];
        yiB = new double[k];
        viB = new double[k];
        rho = new double[k];
        for (int i = 0; i < k; i++) {
            int n = 30 + random.nextInt(200);
            viA[i] = 1.0 / (n - 5);
            viB[i] = 1.0 / (n - 3);
            yiB[i] = 0.25 + 0.08 * random.nextGaussian() + Math.sqrt(viB[i]) * random.nextGaussian();
            yiA[i] = yiB[i] - 0.03 + 0.4 * Math.sqrt(viA[i]) * random.nextGaussian();
            rho[i] = 0.8;
        }
        model = RandomEffectsModel.of(TauSquaredEstimator.REML);
    }

    /** @return the model-based paired comparison (the baseline) */
    @Benchmark
    public MetaAnalysisResult modelBased() {
        return EstimateComparison.paired(yiA, viA, yiB, viB, rho, model);
    }

    /** @return the paired comparison with CR2 inference */
    @Benchmark
    public PairedComparison cr2() {
        return EstimateComparison.pairedRobust(yiA, viA, yiB, viB, rho, model, SandwichEstimator.CR2);
    }
}
