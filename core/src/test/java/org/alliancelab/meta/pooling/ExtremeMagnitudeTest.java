package org.alliancelab.meta.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Effect sizes far from unit magnitude (around 1e150 and 1e-150, whose squares, weights or
 * squared weights leave the double range) give the fit of the same data at unit scale, scaled
 * back: every estimator is equivariant (y to cy and v to c<sup>2</sup>v give &mu; to c&mu;,
 * tau<sup>2</sup> to c<sup>2</sup>tau<sup>2</sup>, and the same Q, I<sup>2</sup> and p). The
 * reference is therefore an independent computation: this library on the unit-scale data,
 * which the golden tests match to metafor. A result that cannot be represented (tau<sup>2</sup>
 * near 1e600) is the documented ArithmeticException, never a silent NaN or 0.
 */
class ExtremeMagnitudeTest {
    // 15 studies with huge heterogeneity relative to their sampling variances (tau^2 about 1e6)
    static final double[] YI = {-91.857289809956, -1778.4662422033553, 214.30139928814714, -113.7686272135364,
        -1275.024000956212, -1731.3507433891214, 26.974848127377882, 1252.4969893919836, 168.02635835587287,
        792.0466660948005, 960.8468601997577, 1505.7624736767941, 41.69543600800784, 42.59540925204834,
        611.7699527587959};
    static final double[] VI = {0.01122901694889702, 0.014424502837770503, 0.012398985747399307,
        0.009656226543781054, 0.014433567169983137, 0.0061320596465314434, 0.009690690477821638,
        0.010739411879281006, 0.005131141895889022, 0.01416345371808552, 0.012657254516291419,
        0.006387674183989032, 0.011174525204661166, 0.013714047447242821, 0.007094563824951179};

    private static double[][] scaled(double c) {
        double[] y = new double[YI.length];
        double[] v = new double[VI.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = YI[i] * c;
            v[i] = VI[i] * c * c;
        }
        return new double[][] {y, v};
    }

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void hugeAndTinyEffectSizesGiveTheUnitScaleFitScaledBack(TauSquaredEstimator estimator) {
        RandomEffectsModel model = RandomEffectsModel.of(estimator);
        MetaAnalysisResult unit = model.fit(YI, VI);
        for (double c : new double[] {1e150, 1e-150, 0x1p450, 0x1p-450}) {
            double[][] d = scaled(c);
            MetaAnalysisResult r = model.fit(d[0], d[1]);
            String at = estimator + " at scale " + c;
            assertClose(unit.estimate() * c, r.estimate(), at + ": estimate");
            assertClose(unit.se() * c, r.se(), at + ": se");
            assertClose(unit.ciLower() * c, r.ciLower(), at + ": ci");
            assertClose(unit.tau2() * c * c, r.tau2(), at + ": tau2");
            assertClose(unit.i2(), r.i2(), at + ": I2");
            assertClose(unit.qe(), r.qe(), at + ": Q");
            assertClose(unit.pValue(), r.pValue(), at + ": p");
            if (estimator != TauSquaredEstimator.EE) {
                TauSquaredInterval u = model.tau2ConfidenceInterval(YI, VI, unit.tau2());
                TauSquaredInterval s = model.tau2ConfidenceInterval(d[0], d[1], r.tau2());
                assertClose(u.lower() * c * c, s.lower(), at + ": tau2 CI");
                assertClose(u.upper() * c * c, s.upper(), at + ": tau2 CI");
            }
        }
    }

    /**
     * The Q-profile interval with huge heterogeneity. Reference: R 4.2, metafor 3.8-1,
     * {@code r <- rma(yi, vi, method = "REML", control = list(threshold = 1e-12)); confint(r)}:
     * tau2 972913.598634334, CI [521490.767115533, 2419870.894162723].
     */
    @Test
    void qProfileIntervalWithHugeHeterogeneityMatchesMetafor() {
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML).withConvergence(1e-12, 1000);
        MetaAnalysisResult r = model.fit(YI, VI);
        assertEquals(972913.598634334, r.tau2(), 1e-6 * 972913.598634334);
        TauSquaredInterval ci = model.tau2ConfidenceInterval(YI, VI, r.tau2());
        assertEquals(521490.767115533, ci.lower(), 1e-6 * 521490.767115533);
        assertEquals(2419870.894162723, ci.upper(), 1e-6 * 2419870.894162723);
        // and at 1e150 times the scale, the same interval times 1e300, not [0, 0]
        double[][] d = scaled(1e150);
        TauSquaredInterval big = model.tau2ConfidenceInterval(d[0], d[1], model.fit(d[0], d[1]).tau2());
        assertEquals(521490.767115533e300, big.lower(), 1e-6 * 521490.767115533e300);
        assertEquals(2419870.894162723e300, big.upper(), 1e-6 * 2419870.894162723e300);
    }

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void dataBeyondDoublePrecisionAreAnErrorNotNaNOrZero(TauSquaredEstimator estimator) {
        // y of magnitude 1e300 with sampling SDs of 1e148: z statistics of 1e152, Q about 1e304 and
        // tau^2 about 1e600: no scaling makes that computable
        double[][] d = scaled(1e300 / 1000);
        for (int i = 0; i < d[1].length; i++) {
            d[1][i] = VI[i] * 1e298;
        }
        RandomEffectsModel model = RandomEffectsModel.of(estimator);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> model.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("beyond what double precision can pool"), e.getMessage());
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + ": finite, got " + actual);
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }
}
