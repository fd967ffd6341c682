package org.alliancelab.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;

class RobustnessValueTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void darfurExampleOfCinelliAndHazlett() {
        // Cinelli & Hazlett (2020), doi:10.1111/rssb.12348, section 5, and sensemakr's print of
        // sensemakr(model, treatment = "directlyharmed"): t-value 4.18445, dof 783, partial R2 of treatment
        // with outcome 0.02187, RV q = 1: 0.13878, RV q = 1, alpha = 0.05: 0.07626 (5 decimals: to 5e-6);
        // the paper's table: 2.2%, 13.9%, 7.6%
        RobustnessValueResult rv = RobustnessValue.of().ofT(4.18445, 783);
        assertEquals(0.02187, rv.partialR2(), 5e-6);
        assertEquals(0.13878, rv.rvQ(), 5e-6);
        assertEquals(0.07626, rv.rvQAlpha(), 5e-6);
        assertEquals(2.2, 100 * rv.partialR2(), 0.05);
        assertEquals(13.9, 100 * rv.rvQ(), 0.05);
        assertEquals(7.6, 100 * rv.rvQAlpha(), 0.05);
    }

    @Test
    void darfurExampleFromSensemakrsTestSuite() {
        // sensemakr tests/testthat/test-02-darfur.R: estimate 0.09731582, se 0.02325654, dof 783 give
        // r2yd.x 0.02187309, rv_q 0.1387764, rv_qa 0.07625797, f2yd.x 0.02236222 (to 1e-6 relative: t is
        // the ratio of 7-digit inputs)
        RobustnessValueResult rv = RobustnessValue.of().ofT(0.09731582 / 0.02325654, 783);
        assertRelative(0.02187309, rv.partialR2(), 1e-6);
        assertRelative(0.1387764, rv.rvQ(), 1e-6);
        assertRelative(0.07625797, rv.rvQAlpha(), 1e-6);
        assertRelative(0.02236222, rv.partialF() * rv.partialF(), 1e-6);
    }

    @Test
    void tiprExampleAndPartialCorrelationInput() {
        // tipr's r_value(0.5, 0.1, 102) (sensemakr's robustness_value(t = 5, dof = 102) without alpha)
        // prints 0.387467; hand computation: f = 5/sqrt(102), RV = (sqrt(f^4 + 4f^2) - f^2)/2 = 0.3874669619,
        // and with alpha = 0.05: f* = t_(0.975, 101)/sqrt(101) = 0.1973886123, RV_q,a = RV(f - f*) = 0.2566563439
        RobustnessValueResult rv = RobustnessValue.of().ofT(5, 102);
        assertEquals(0.387467, rv.rvQ(), 5e-7);
        assertRelative(0.3874669619, rv.rvQ(), 1e-9);
        assertRelative(0.2566563439, rv.rvQAlpha(), 1e-9);
        // the same regression given as its partial correlation r = t / sqrt(t^2 + df)
        double r = 5 / Math.sqrt(25 + 102);
        RobustnessValueResult fromR = RobustnessValue.of().ofPartialCorrelation(r, 102);
        assertRelative(rv.rvQ(), fromR.rvQ(), 1e-12);
        assertRelative(0.2566563439, fromR.rvQAlpha(), 1e-9);
        assertRelative(5, fromR.t(), 1e-12);
        assertRelative(r * r, fromR.partialR2(), 1e-12);
        // ofStudy: n = 106 with p = 2 covariates is df = 106 - 2 - 2 = 102
        assertRelative(0.2566563439, RobustnessValue.of().ofStudy(r, 106, 2).rvQAlpha(), 1e-9);
    }

    @Test
    void edgeCasesOfRvQAlpha() {
        // hand computations: t = 1, df = 100: f_q = 0.1 <= f* = t_(0.975, 99)/sqrt(99) = 0.1994213070, so 0;
        // RV_q = 0.09512492197
        RobustnessValueResult weak = RobustnessValue.of().ofT(1, 100);
        assertEquals(0, weak.rvQAlpha());
        assertRelative(0.09512492197, weak.rvQ(), 1e-9);
        // t = 80, df = 100: f_q = 8 > 1/f* = 5.014, the closed form (f_q^2 - f*^2)/(1 + f_q^2) = 0.9840035560
        RobustnessValueResult strong = RobustnessValue.of().ofT(80, 100);
        assertRelative(0.9840035560, strong.rvQAlpha(), 1e-9);
        assertRelative(0.9848450049, strong.rvQ(), 1e-9);
        // q = 0.5 halves f: RV_q of t = 10, df = 100 is RV(0.5) = 2 * 0.5 / (0.5 + sqrt(4.25)) = 0.3903882032
        assertRelative(0.3903882032, RobustnessValue.of().withQ(0.5).ofT(10, 100).rvQ(), 1e-9);
        // df = 1 leaves no df - 1 for f*
        assertTrue(Double.isNaN(RobustnessValue.of().ofT(3, 1).rvQAlpha()));
    }

    @Test
    void pooledValueUsesTheEffectiveDegreesOfFreedom() {
        // z = 0.3 with SE 0.05: t = 6, r^ = tanh 0.3, df_eff = t^2 (1 - r^2) / r^2; then partial R2 = r^2 and
        // the robustness values are those of t = 6 on df_eff
        double r = Math.tanh(0.3);
        RobustnessValueResult pooled = RobustnessValue.of()
            .ofPooled(EValueTest.pooled(0.3, 0.3 - 1.959963984540054 * 0.05, 0.3 + 1.959963984540054 * 0.05, 0.01),
                CorrelationMeasure.ZPCOR);
        double df = 36 * (1 - r * r) / (r * r);
        assertRelative(df, pooled.df(), 1e-12);
        assertRelative(r * r, pooled.partialR2(), 1e-12);
        RobustnessValueResult direct = RobustnessValue.of().ofT(6, df);
        assertRelative(direct.rvQ(), pooled.rvQ(), 1e-12);
        // RV_q,alpha is where the reduced estimate loses the pooled z test's significance (1.96)
        assertRelative(1.959963984540054, adjustedT(6, df, pooled.rvQAlpha()), 1e-10);
        // a pooled correlation of 0 has robustness values 0 and no df
        RobustnessValueResult zero = RobustnessValue.of().ofPooled(EValueTest.pooled(0, -0.1, 0.1, 0), CorrelationMeasure.PCOR);
        assertEquals(0, zero.rvQ());
        assertEquals(0, zero.rvQAlpha());
        assertTrue(Double.isNaN(zero.df()));
    }

    /**
     * Under Knapp-Hartung the pooled test is t on k - 1 df: a confounder of partial R2 RV_q,alpha
     * with both exposure and outcome brings the adjusted t to t(.975, k - 1), here k = 16 (2.1314).
     */
    @Test
    void pooledRvAlphaUsesThePooledTestsCriticalValue() {
        double se = 0.05;
        MetaAnalysisResult knha = new MetaAnalysisResult(16, TauSquaredEstimator.REML, InferenceTest.KNHA, 0.95, 0.2,
            se, 0.2 / se, Double.NaN, Double.NaN, Double.NaN, 0.01, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, 0);
        RobustnessValueResult rv = RobustnessValue.of().ofPooled(knha, CorrelationMeasure.ZPCOR);
        double critical = org.apache.commons.statistics.distribution.TDistribution.of(15).inverseSurvivalProbability(0.025);
        assertRelative(critical, adjustedT(4, rv.df(), rv.rvQAlpha()), 1e-10);
    }

    /**
     * The t of a regression coefficient with t statistic t on df after adding a confounder whose
     * partial R2 with exposure and with outcome are both r2 (Cinelli &amp; Hazlett 2020, eqs. 4.2
     * and 4.3: bias = se sqrt(df) sqrt(r2 r2 / (1 - r2)), adjusted se = se sqrt((1 - r2) / (1 - r2))
     * sqrt(df / (df - 1))), in units of the original se.
     */
    private static double adjustedT(double t, double df, double r2) {
        double bias = Math.sqrt(df) * Math.sqrt(r2 * r2 / (1 - r2));
        double seAdjusted = Math.sqrt(df / (df - 1));
        return (Math.abs(t) - bias) / seAdjusted;
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().withQ(0));
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().withAlpha(1));
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().ofT(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().ofT(2, 0));
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().ofPartialCorrelation(1, 10));
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.of().ofStudy(0.2, 4, 2));
    }
}
