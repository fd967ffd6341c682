package org.alliancelab.benchmarks.pooling;

import java.util.concurrent.TimeUnit;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.TDistribution;
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
 * The fixed cost a fit adds to its passes over the data: the special functions behind its
 * p-values and quantiles (Commons Numbers / Commons Statistics), at the degrees of freedom of
 * k = 16, 300 and 10,000 studies. Arguments resemble {@link PoolingInput}'s fits: Q near
 * 1.8 (k - 1), |z| and |t| near 5. Run with {@code -prof gc} to see which of them allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TailProbabilityBenchmark {

    /** Degrees of freedom, k - 1. */
    @Param({"15", "299", "9999"})
    public int df;

    private double q;
    private double z;

    /** Sets the arguments. */
    @Setup(Level.Trial)
    public void setUp() {
        q = 1.8 * df;
        z = 5.0;
    }

    /**
     * P-value of Cochran's Q: the regularized upper incomplete gamma function Q(df/2, Q/2).
     *
     * @return the p-value
     */
    @Benchmark
    public double chiSquaredUpper() {
        return RegularizedGamma.Q.value(0.5 * df, 0.5 * q);
    }

    /**
     * Two-sided p-value of the Knapp-Hartung t statistic: I<sub>df/(df+t^2)</sub>(df/2, 1/2).
     *
     * @return the p-value
     */
    @Benchmark
    public double studentTwoSided() {
        return RegularizedBeta.value(df / (df + z * z), 0.5 * df, 0.5);
    }

    /**
     * Two-sided p-value of the z statistic: erfc(|z|/sqrt 2).
     *
     * @return the p-value
     */
    @Benchmark
    public double normalTwoSided() {
        return Erfc.value(z / Math.sqrt(2));
    }

    /**
     * The t quantile of a Knapp-Hartung interval, computed afresh (what the object API does on
     * each fit, having a new workspace each time).
     *
     * @return the quantile
     */
    @Benchmark
    public double tQuantile() {
        return TDistribution.of(df).inverseSurvivalProbability(0.025);
    }
}
