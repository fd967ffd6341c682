package org.alliancelab.meta.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alliancelab.meta.testing.ThreadAllocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ClusterRobustInference.fitInterceptOnly(yi, vi, k, tau2, cluster, workspace)}
 * allocates nothing once the workspace has seen k and the cluster sizes, counted with the
 * JVM's per-thread allocation counter ({@link ThreadAllocation}; skipped where it is not
 * available), as {@code PoolingAllocationTest} does for pooling. The
 * reads are the estimate, SE, t and df; the p value and the interval are evaluated on demand
 * and may allocate (the t quantile at a non-integer df).
 */
class ClusterRobustAllocationTest {

    @ParameterizedTest
    @CsvSource({"CR2, 66, 1", "CR2, 300, 1", "CR2, 150, 2", "CR1, 66, 1", "CR1, 150, 2"})
    void workspaceFitAllocatesNothing(SandwichEstimator estimator, int clusters, int rowsPerCluster) {
        ThreadAllocation counter = ThreadAllocation.ofCurrentThread();

        int k = clusters * rowsPerCluster;
        double[] yi = new double[k];
        double[] vi = new double[k];
        int[] cluster = new int[k];
        SplittableRandom rng = new SplittableRandom(20261203);
        for (int i = 0; i < k; i++) {
            vi[i] = 1.0 / (40 + rng.nextInt(200));
            yi[i] = 0.28 + 0.1 * (rng.nextDouble() - 0.5) + Math.sqrt(vi[i]) * (rng.nextDouble() - 0.5) * 3;
            cluster[i] = (i * 7919) % clusters; // unsorted
        }
        ClusterRobustInference inference = ClusterRobustInference.of(estimator);
        ClusterRobustWorkspace ws = new ClusterRobustWorkspace();
        double sink = 0;
        for (int i = 0; i < 20_000; i++) { // past JIT compilation
            inference.fitInterceptOnly(yi, vi, k, 0.01, cluster, ws);
            sink += ws.se();
        }
        int fits = 2_000;
        long before = counter.bytes();
        for (int i = 0; i < fits; i++) {
            inference.fitInterceptOnly(yi, vi, k, 0.01, cluster, ws);
            sink += ws.estimate() + ws.se() + ws.statistic() + ws.df();
        }
        long bytes = counter.bytes() - before;
        assertTrue(Double.isFinite(sink));
        // Anything per fit would show as at least 16 bytes x 2,000 fits.
        assertTrue(bytes < 1_000, estimator + " k = " + k + ": " + bytes + " bytes over " + fits + " fits");
    }
}
