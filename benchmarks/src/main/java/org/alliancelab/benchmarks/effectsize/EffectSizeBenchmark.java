package org.alliancelab.benchmarks.effectsize;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSize;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Effect-size computation per study: (r, n) to (yi, vi), validated, as a simulation does for
 * every simulated study. Both methods report the time per study.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EffectSizeBenchmark {

    /** Studies per batch; a power of two so the single-study benchmark can cycle with a mask. */
    static final int STUDIES = 1024;

    /** The measure; ZCOR is the simulator's default, COR and ZPCOR differ in the variance. */
    @Param({"ZCOR", "COR", "ZPCOR"})
    public CorrelationMeasure measure;

    private double[] r;
    private int[] n;
    private double[] yi;
    private double[] vi;
    private int next;

    /** Draws the correlations and sample sizes from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_126L);
        r = new double[STUDIES];
        n = new int[STUDIES];
        yi = new double[STUDIES];
        vi = new double[STUDIES];
        for (int i = 0; i < STUDIES; i++) {
            r[i] = random.nextDouble(-0.2, 0.7);
            n[i] = random.nextInt(20, 500);
        }
    }

    /**
     * The array entry point, into caller-owned arrays (no allocation).
     *
     * @return the last variance, so the stores stay observable
     */
    @Benchmark
    @OperationsPerInvocation(STUDIES)
    public double arrays() {
        EffectSizes.of(measure, r, n, 2, yi, vi);
        return vi[STUDIES - 1];
    }

    /**
     * One study through the object API (allocates its {@link EffectSize} unless escape
     * analysis removes it).
     *
     * @return the effect size
     */
    @Benchmark
    public EffectSize single() {
        int i = next;
        next = (i + 1) & (STUDIES - 1);
        return EffectSizes.of(measure, r[i], n[i], 2);
    }
}
