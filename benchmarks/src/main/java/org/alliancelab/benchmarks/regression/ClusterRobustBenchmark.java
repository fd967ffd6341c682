package org.alliancelab.benchmarks.regression;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.comparison.PairedComparison;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.ClusterRobustInference;
import org.alliancelab.meta.regression.ClusterRobustWorkspace;
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
 * ratio is the cost of holding the test's size. {@link #cr2Workspace}: the same pooling and CR2
 * inference through the allocation-free entry points ({@link PoolingWorkspace},
 * {@link ClusterRobustInference#fitInterceptOnly}) on differences computed once, reading every
 * field (the p value and the interval are evaluated on read).
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
    private double[] d;
    private double[] vd;
    private int[] cluster;
    private final PoolingWorkspace pooling = new PoolingWorkspace();
    private final ClusterRobustWorkspace robust = new ClusterRobustWorkspace();
    private final ClusterRobustInference cr2 = ClusterRobustInference.of(SandwichEstimator.CR2);

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
        d = new double[k];
        vd = new double[k];
        cluster = new int[k];
        for (int i = 0; i < k; i++) {
            d[i] = yiA[i] - yiB[i];
            vd[i] = viA[i] + viB[i] - 2 * rho[i] * Math.sqrt(viA[i] * viB[i]);
            cluster[i] = i;
        }
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

    /** @return the sum of the CR2 fields, through the workspaces */
    @Benchmark
    public double cr2Workspace() {
        model.fit(d, vd, k, pooling);
        cr2.fitInterceptOnly(d, vd, k, pooling.tau2(), cluster, robust);
        return robust.estimate() + robust.se() + robust.df() + robust.pValue() + robust.ciLower() + robust.ciUpper();
    }
}
