package org.alliancelab.benchmarks.pooling;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The studies pooled by {@link PoolingBenchmark} and summed by {@link FloorBenchmark}: k Fisher z
 * effect sizes yi with variances vi = 1 / (n - 3), generated once per trial from a fixed seed so
 * every run (and both benchmarks) sees the same numbers, yet held in fields the JIT cannot fold.
 *
 * <p>The data look like a correlational meta-analysis of the alliance literature: per-study true
 * z drawn from N(0.28, 0.1<sup>2</sup>) (so tau<sup>2</sup> = 0.01 and the iterative estimators
 * have real work), sample sizes log-normal with median 80, at least 10, and sampling error
 * N(0, vi).
 */
@State(Scope.Thread)
public class PoolingInput {

    /** Seed of the generated studies; fixed so runs are comparable. */
    static final long SEED = 20_261_126L;

    /** Number of studies. */
    @Param({"16", "300", "10000", "1000000"})
    public int k;

    /** Effect sizes (Fisher z). */
    public double[] yi;

    /** Sampling variances. */
    public double[] vi;

    /** Generates the studies. */
    @Setup(Level.Trial)
    public void generate() {
        yi = new double[k];
        vi = new double[k];
        fill(new SplittableRandom(SEED), yi, vi);
    }

    /**
     * Fills yi and vi with simulated studies.
     *
     * @param random source of randomness
     * @param yi receives the effect sizes
     * @param vi receives the sampling variances
     */
    static void fill(SplittableRandom random, double[] yi, double[] vi) {
        for (int i = 0; i < yi.length; i++) {
            int n = Math.max(10, (int) Math.round(80 * Math.exp(0.8 * gaussian(random))));
            double v = 1.0 / (n - 3);
            yi[i] = 0.28 + 0.1 * gaussian(random) + Math.sqrt(v) * gaussian(random);
            vi[i] = v;
        }
    }

    /**
     * Standard normal deviate by the polar method, spelled out so the inputs do not depend on
     * the JDK's choice of algorithm for {@code nextGaussian}.
     */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
