package org.alliancelab.benchmarks.large;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.alliancelab.meta.bias.EggerResult;
import org.alliancelab.meta.bias.EggerTest;
import org.alliancelab.meta.bias.RankCorrelationResult;
import org.alliancelab.meta.bias.RankCorrelationTest;
import org.alliancelab.meta.bias.TrimAndFill;
import org.alliancelab.meta.bias.TrimAndFillResult;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.sensitivity.InfluenceDiagnostics;
import org.alliancelab.meta.sensitivity.LeaveOneOut;
import org.alliancelab.meta.sensitivity.StudyInfluence;
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
 * What {@code pool}, {@code bias} and {@code influence} compute, at k studies with
 * heterogeneity (y ~ N(0.2, 0.01 + v), v uniform in [0.005, 0.055], drawn once per trial from a
 * fixed seed). The baseline is {@link #pooledDl}, one pass over the data: every other method is
 * read as a multiple of it at the same k. Single-shot timing (each call is long); run the sizes
 * you need with {@code -p k=...}, as docs/performance.md does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LargeInputBenchmark {

    /** Number of studies. */
    @Param({"10000", "100000", "1000000"})
    public int k;

    private double[] yi;
    private double[] vi;
    private final RandomEffectsModel dl = RandomEffectsModel.of(TauSquaredEstimator.DL);
    private final RandomEffectsModel reml = RandomEffectsModel.of(TauSquaredEstimator.REML);

    /** Draws the studies. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_203L);
        yi = new double[k];
        vi = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = 0.005 + 0.05 * random.nextDouble();
            yi[i] = 0.2 + Math.sqrt(0.01 + vi[i]) * random.nextGaussian();
        }
    }

    /** @return the DerSimonian-Laird fit: the baseline */
    @Benchmark
    public MetaAnalysisResult pooledDl() {
        return dl.fit(yi, vi);
    }

    /** @return the REML fit (Fisher scoring) */
    @Benchmark
    public MetaAnalysisResult pooledReml() {
        return reml.fit(yi, vi);
    }

    /** @return Begg and Mazumdar's rank correlation test (Kendall's tau by Knight's algorithm) */
    @Benchmark
    public RankCorrelationResult rankTest() {
        return RankCorrelationTest.test(yi, vi);
    }

    /** @return Egger's regression test (REML meta-regression on the SE) */
    @Benchmark
    public EggerResult egger() {
        return EggerTest.standard().test(yi, vi);
    }

    /** @return trim-and-fill (L0, REML) */
    @Benchmark
    public TrimAndFillResult trimAndFill() {
        return TrimAndFill.of(reml).matchingMetafor().fit(yi, vi);
    }

    /**
     * Leave-one-out and the influence diagnostics from the same refits, as {@code influence}
     * computes them: quadratic in k (skipped above 20,000 studies, the command's limit).
     *
     * @return the diagnostics
     */
    @Benchmark
    public List<StudyInfluence> influenceReml() {
        if (k > 20_000) {
            return List.of();
        }
        return InfluenceDiagnostics.fit(reml, yi, vi, LeaveOneOut.fit(reml, yi, vi));
    }
}
