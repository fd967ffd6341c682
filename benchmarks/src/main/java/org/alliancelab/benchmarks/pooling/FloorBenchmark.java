package org.alliancelab.benchmarks.pooling;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of pooling: one pass over the same two arrays as {@link PoolingBenchmark}, computing
 * the inverse-variance weighted sum sum(yi / vi). Any estimator must at least read both arrays
 * once and divide by vi, so a pooling result is best read as a multiple of this time, measured
 * in the same run on the same {@link PoolingInput}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FloorBenchmark {

    /**
     * One pass: sum of yi * wi with wi = 1 / vi.
     *
     * @param in the studies
     * @return the weighted sum, returned so the loop is not dead code
     */
    @Benchmark
    public double weightedSum(PoolingInput in) {
        double[] yi = in.yi;
        double[] vi = in.vi;
        int k = in.k;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += yi[i] / vi[i];
        }
        return sum;
    }
}
