package org.alliancelab.benchmarks.regression;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;
import org.alliancelab.meta.regression.MetaRegressionResult;
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
 * Mixed-effects meta-regression with 3 moderators (two continuous, mean age and study quality,
 * and one categorical with two levels, the timing of the alliance rating), so p = 4 columns with
 * the intercept. The k studies are generated once per trial from a fixed seed with true
 * coefficients (0.25, 0.004, -0.02, 0.08) and residual tau<sup>2</sup> = 0.01, Fisher z scale,
 * vi = 1/(n - 3).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetaRegressionBenchmark {

    /** Number of studies. */
    @Param({"300", "10000"})
    public int k;

    /** Estimator of the residual tau-squared. */
    @Param({"DL", "REML"})
    public TauSquaredEstimator estimator;

    private double[] yi;
    private double[] vi;
    private DesignMatrix design;
    private MetaRegression model;

    /** Generates the studies and their design matrix. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_126L);
        yi = new double[k];
        vi = new double[k];
        double[] age = new double[k];
        double[] quality = new double[k];
        String[] timing = new String[k];
        for (int i = 0; i < k; i++) {
            int n = 20 + random.nextInt(300);
            age[i] = random.nextDouble(18, 65);
            quality[i] = random.nextInt(1, 4);
            timing[i] = random.nextBoolean() ? "early" : "late";
            double mean = 0.25 + 0.004 * (age[i] - 40) - 0.02 * quality[i] + ("late".equals(timing[i]) ? 0.08 : 0);
            vi[i] = 1.0 / (n - 3);
            yi[i] = mean + 0.1 * random.nextGaussian() + Math.sqrt(vi[i]) * random.nextGaussian();
        }
        design = DesignMatrix.builder(k).continuous("meanage", age).continuous("quality", quality)
            .categorical("timing", timing).build();
        model = MetaRegression.of(estimator);
    }

    /**
     * Fits the meta-regression.
     *
     * @return the result
     */
    @Benchmark
    public MetaRegressionResult fit() {
        return model.fit(yi, vi, design);
    }
}
