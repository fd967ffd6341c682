package org.alliancelab.meta.iv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PooledWaldRatio against independent computations: Fieller's closed form for one trial, the
 * regression of Y - bX on Z in one trial's raw data, and a fine scan of the pooled test's p value
 * over b for several heterogeneous trials.
 */
class PooledWaldRatioTest {
    private static final RandomEffectsModel EE = RandomEffectsModel.of(TauSquaredEstimator.EE);
    private static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

    /** One trial with tau-squared 0: the set solves (itt - b f)^2 <= z^2 (v_itt - 2 b c + b^2 v_f). */
    @Test
    void oneTrialIsFiellersSet() {
        // a clear first stage: an interval
        PooledWaldRatioResult interval = one(0.2, 0.01, 0.5, 0.01, 0.002);
        double[] roots = fieller(0.2, 0.01, 0.5, 0.01, 0.002);
        assertEquals(PooledWaldRatioResult.Shape.INTERVAL, interval.shape());
        assertEquals(roots[0], interval.intervals().get(0).lower(), 1e-9);
        assertEquals(roots[1], interval.intervals().get(0).upper(), 1e-9);
        assertEquals(0.2 / 0.5, interval.estimate(), 1e-12);
        // a first stage within noise of zero and a clear ITT: all but an interval around the sign change
        PooledWaldRatioResult rays = one(0.4, 0.01, 0.15, 0.01, 0.002);
        roots = fieller(0.4, 0.01, 0.15, 0.01, 0.002);
        assertEquals(PooledWaldRatioResult.Shape.TWO_RAYS, rays.shape());
        assertEquals(roots[0], rays.intervals().get(0).upper(), 1e-9);
        assertEquals(roots[1], rays.intervals().get(1).lower(), 1e-9);
        assertTrue(rays.contains(0.4 / 0.15) && !rays.contains(0));
        // neither clear: the whole line
        PooledWaldRatioResult line = one(0.05, 0.01, 0.05, 0.01, 0);
        assertEquals(PooledWaldRatioResult.Shape.WHOLE_LINE, line.shape());
        assertTrue(line.contains(-1e6) && line.contains(1e6));
    }

    /** One trial's set and test, against the OLS t of Y - bX on Z in its raw data (normal reference). */
    @Test
    void oneTrialFromRawDataIsTheRegressionOfYMinusBxOnZ() throws Exception {
        double[][] data = InstrumentalVariableTest.csv("/iv/binary.csv");
        double[][] s = InstrumentalVariableTest.covariances(data);
        InstrumentalVariableResult iv = InstrumentalVariable.of(data.length, s[0][0], s[0][1], s[0][2], s[1][1],
            s[1][2], s[2][2]);
        PooledWaldRatioResult r = PooledWaldRatio.of(EE, List.of(iv));
        assertEquals(rawP(data, 0), r.pValue(), 1e-10);
        assertEquals(iv.estimate(), r.estimate(), 1e-10 * Math.abs(iv.estimate()));
        assertEquals(PooledWaldRatioResult.Shape.INTERVAL, r.shape());
        for (double bound : new double[] {r.intervals().get(0).lower(), r.intervals().get(0).upper()}) {
            assertEquals(0.05, rawP(data, bound), 1e-9, "p at " + bound);
        }
    }

    /**
     * Twelve heterogeneous trials, each estimator family and test: the set's bounds have p = 1 -
     * level in a fit made here, agree with a scan of p over b in steps of .001, and the test of
     * no effect is the pooled ITT test.
     */
    @ParameterizedTest
    @EnumSource(value = TauSquaredEstimator.class, names = {"REML", "DL", "PM", "EE"})
    void severalTrialsAgreeWithAFineScan(TauSquaredEstimator estimator) {
        for (InferenceTest test : InferenceTest.values()) {
            RandomEffectsModel model = RandomEffectsModel.of(estimator).withTest(test);
            List<InstrumentalVariableResult> trials = trials(12, 0.3, 7);
            PooledWaldRatioResult r = PooledWaldRatio.of(model, trials);
            String at = estimator + " " + test;
            double[] itt = trials.stream().mapToDouble(InstrumentalVariableResult::intentionToTreat).toArray();
            double[] ittVar = trials.stream().mapToDouble(t -> t.intentionToTreatSe() * t.intentionToTreatSe()).toArray();
            PoolingWorkspace w = new PoolingWorkspace();
            model.fit(itt, ittVar, itt.length, w);
            assertEquals(w.pValue(), r.pValue(), 1e-14, at);
            assertEquals(0, contrast(model, trials, r.estimate()), 1e-10, at);
            assertEquals(PooledWaldRatioResult.Shape.INTERVAL, r.shape(), at);
            double lower = r.intervals().get(0).lower();
            double upper = r.intervals().get(0).upper();
            assertEquals(0.05, p(model, trials, lower), 1e-9, at);
            assertEquals(0.05, p(model, trials, upper), 1e-9, at);
            double scanLower = Double.NaN;
            double scanUpper = Double.NaN;
            for (int j = -3000; j <= 3000; j++) {
                double b = j / 1000.0;
                if (p(model, trials, b) >= 0.05) {
                    scanLower = Double.isNaN(scanLower) ? b : scanLower;
                    scanUpper = b;
                }
            }
            assertEquals(scanLower, lower, 1e-3, at);
            assertEquals(scanUpper, upper, 1e-3, at);
            assertTrue(r.contains(r.estimate()) && !r.contains(lower - 1e-6) && !r.contains(upper + 1e-6), at);
        }
    }

    @Test
    void refusesInvalidTrials() {
        double[] one = {1};
        assertThrows(IllegalArgumentException.class, () -> PooledWaldRatio.of(EE, List.of()));
        assertThrows(IllegalArgumentException.class,
            () -> PooledWaldRatio.of(EE, one, new double[] {0}, one, one, new double[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
            () -> PooledWaldRatio.of(EE, one, one, new double[] {Double.NaN}, one, new double[] {0}, 1));
        // |cov| = sqrt(var x var): singular
        assertThrows(IllegalArgumentException.class, () -> PooledWaldRatio.of(EE, one, one, one, one, one, 1));
    }

    private static PooledWaldRatioResult one(double itt, double ittVar, double first, double firstVar, double cov) {
        return PooledWaldRatio.of(EE, new double[] {itt}, new double[] {ittVar}, new double[] {first},
            new double[] {firstVar}, new double[] {cov}, 1);
    }

    /** The real roots of (f^2 - z^2 v_f) b^2 - 2 (itt f - z^2 c) b + (itt^2 - z^2 v_itt) = 0, ascending. */
    private static double[] fieller(double itt, double ittVar, double f, double fVar, double c) {
        double z2 = Z * Z;
        double a = f * f - z2 * fVar;
        double b = itt * f - z2 * c;
        double cc = itt * itt - z2 * ittVar;
        double disc = Math.sqrt(b * b - a * cc);
        double r1 = (b - disc) / a;
        double r2 = (b + disc) / a;
        return new double[] {Math.min(r1, r2), Math.max(r1, r2)};
    }

    /** Two-sided normal p of the OLS slope of y - b x on z (residual variance on n - 2 df). */
    private static double rawP(double[][] data, double b) {
        int n = data.length;
        double mz = 0;
        double mu = 0;
        for (double[] row : data) {
            mz += row[0] / n;
            mu += (row[2] - b * row[1]) / n;
        }
        double szz = 0;
        double szu = 0;
        for (double[] row : data) {
            szz += (row[0] - mz) * (row[0] - mz);
            szu += (row[0] - mz) * (row[2] - b * row[1] - mu);
        }
        double slope = szu / szz;
        double rss = 0;
        for (double[] row : data) {
            double e = row[2] - b * row[1] - mu - slope * (row[0] - mz);
            rss += e * e;
        }
        double se = Math.sqrt(rss / (n - 2) / szz);
        return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(slope / se));
    }

    /** Trials of sizes 60 to 400 with a first stage varying around .3 and an effect varying around beta. */
    private static List<InstrumentalVariableResult> trials(int k, double beta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<InstrumentalVariableResult> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int n = 60 + rng.nextInt(340);
            double a = 0.3 + 0.1 * rng.nextGaussian();
            double b = beta + 0.1 * rng.nextGaussian();
            // population covariances of standardized Z, X = a Z + e, Y = b X + .4 e + u, jittered as a sample's
            double vx = a * a + 1;
            double szx = a + 0.08 * rng.nextGaussian();
            double szy = b * a + 0.08 * rng.nextGaussian();
            double sxy = b * vx + 0.4;
            double vy = b * b * vx + 0.8 * b + 0.16 + 1;
            out.add(InstrumentalVariable.of(n, 1, szx, szy, vx, sxy, vy));
        }
        return out;
    }

    private static double p(RandomEffectsModel model, List<InstrumentalVariableResult> trials, double b) {
        return fit(model, trials, b).pValue();
    }

    private static double contrast(RandomEffectsModel model, List<InstrumentalVariableResult> trials, double b) {
        return fit(model, trials, b).estimate();
    }

    private static PoolingWorkspace fit(RandomEffectsModel model, List<InstrumentalVariableResult> trials, double b) {
        int k = trials.size();
        double[] d = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            InstrumentalVariableResult t = trials.get(i);
            d[i] = t.intentionToTreat() - b * t.firstStage();
            v[i] = t.intentionToTreatSe() * t.intentionToTreatSe() - 2 * b * t.slopeCovariance()
                + b * b * t.firstStageSe() * t.firstStageSe();
        }
        PoolingWorkspace w = new PoolingWorkspace();
        model.fit(d, v, k, w);
        return w;
    }
}
