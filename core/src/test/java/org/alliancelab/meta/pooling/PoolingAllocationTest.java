package org.alliancelab.meta.pooling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alliancelab.meta.testing.ThreadAllocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The allocation-free entry point {@code fit(yi, vi, k, workspace)} allocates nothing, counted
 * with the JVM's per-thread allocation counter ({@link ThreadAllocation}; skipped where it is
 * not available). Not a timing test: a byte count does not depend on the machine's load. JMH's
 * {@code -prof gc} measures the same thing (docs/performance.md).
 */
class PoolingAllocationTest {

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void workspaceFitAllocatesNothing(TauSquaredEstimator estimator) {
        ThreadAllocation counter = ThreadAllocation.ofCurrentThread();

        int k = 300;
        double[] yi = new double[k];
        double[] vi = new double[k];
        SplittableRandom rng = new SplittableRandom(20261126);
        for (int i = 0; i < k; i++) {
            vi[i] = 1.0 / (40 + rng.nextInt(200));
            yi[i] = 0.28 + 0.1 * (rng.nextDouble() - 0.5) + Math.sqrt(vi[i]) * (rng.nextDouble() - 0.5) * 3;
        }
        for (InferenceTest test : InferenceTest.values()) {
            RandomEffectsModel model = RandomEffectsModel.of(estimator).withTest(test);
            PoolingWorkspace ws = new PoolingWorkspace();
            double sink = 0;
            for (int i = 0; i < 20_000; i++) { // past JIT compilation and the t-quantile cache fill
                model.fit(yi, vi, k, ws);
                sink += ws.estimate();
            }
            int fits = 2_000;
            long before = counter.bytes();
            for (int i = 0; i < fits; i++) {
                model.fit(yi, vi, k, ws);
                sink += ws.estimate() + ws.ciLower() + ws.tau2();
            }
            long bytes = counter.bytes() - before;
            assertTrue(Double.isFinite(sink));
            // The counter itself may allocate a few objects once; anything per fit would show as
            // at least 16 bytes x 2,000 fits.
            assertTrue(bytes < 1_000, estimator + " " + test + ": " + bytes + " bytes over " + fits + " fits");
        }
    }
}
