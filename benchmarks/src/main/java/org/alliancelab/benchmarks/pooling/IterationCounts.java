package org.alliancelab.benchmarks.pooling;

import java.util.Locale;
import java.util.SplittableRandom;

import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Prints, for the inputs of {@link PoolingBenchmark} at each k, the number of Fisher-scoring
 * iterations REML takes and its tau-squared, so that REML times can be judged against
 * (iterations + 2) times the floor: {@code k iterations tau2}, tab-separated.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.alliancelab.benchmarks.pooling.IterationCounts [k...]}
 * (default: the k values of {@link PoolingInput}).
 */
public final class IterationCounts {

    private IterationCounts() {
    }

    /**
     * Entry point.
     *
     * @param args the k values (optional)
     */
    public static void main(String[] args) {
        String[] ks = args.length > 0 ? args : new String[] {"16", "300", "10000", "1000000"};
        RandomEffectsModel reml = RandomEffectsModel.of(TauSquaredEstimator.REML);
        PoolingWorkspace workspace = new PoolingWorkspace();
        System.out.println("k\tREML_iterations\ttau2");
        for (String value : ks) {
            int k = Integer.parseInt(value);
            double[] yi = new double[k];
            double[] vi = new double[k];
            PoolingInput.fill(new SplittableRandom(PoolingInput.SEED), yi, vi);
            reml.fit(yi, vi, k, workspace);
            System.out.printf(Locale.ROOT, "%d\t%d\t%.6g%n", k, workspace.iterations(), workspace.tau2());
        }
    }
}
