package org.alliancelab.benchmarks.bias;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.alliancelab.meta.bias.SelectionModel;
import org.alliancelab.meta.bias.SelectionModelResult;
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
 * One maximum-likelihood fit of the three-parameter selection model (metafor's
 * {@code selmodel(rma(yi, vi), type = "stepfun", steps = .025)}), including the ML fit without
 * selection, the Hessian and the likelihood-ratio test, on k alliance-like studies published
 * under selection: true z ~ N(0.1, 0.1<sup>2</sup>), n log-normal with median 80, every study with
 * one-sided p &le; .025 published and the others with probability .2 (generated once per trial
 * from a fixed seed). k = 66 is the size of a typical alliance synthesis, k = 300 a large one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectionModelBenchmark {

    /** Number of published studies. */
    @Param({"66", "300"})
    public int k;

    private double[] yi;
    private double[] vi;
    private final SelectionModel model = SelectionModel.threeParameter();

    /** Draws the published studies. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_202L);
        yi = new double[k];
        vi = new double[k];
        int published = 0;
        while (published < k) {
            int n = (int) Math.round(Math.exp(Math.log(80) + 0.6 * random.nextGaussian())) + 10;
            double v = 1.0 / (n - 3);
            double y = 0.1 + 0.1 * random.nextGaussian() + Math.sqrt(v) * random.nextGaussian();
            // one-sided p <= .025 is z >= 1.959964
            if (y / Math.sqrt(v) >= 1.959963984540054 || random.nextDouble() < 0.2) {
                yi[published] = y;
                vi[published] = v;
                published++;
            }
        }
    }

    /**
     * Fits the 3PSM.
     *
     * @return the fit
     */
    @Benchmark
    public SelectionModelResult fit3psm() {
        return model.fit(yi, vi);
    }
}
