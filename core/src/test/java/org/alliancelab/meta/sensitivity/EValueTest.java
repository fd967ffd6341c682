package org.alliancelab.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;

class EValueTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void breastfeedingExampleOfVanderWeeleAndDing() {
        // VanderWeele & Ding (2017), doi:10.7326/M16-2607: RR 3.9 (95% CI 1.8 to 8.7), formula-fed
        // infants' death from respiratory infection. E = 3.9 + sqrt(3.9 * 2.9) = 7.263034 (the paper's 7.26,
        // printed by EValue's evalues.RR and episensr as 7.263034); lower bound 1.8 + sqrt(1.8 * 0.8) = 3.0.
        EValueResult e = EValue.ofRiskRatio(3.9, 1.8, 8.7);
        assertRelative(7.263034, e.eValue(), 1e-6);
        assertRelative(3.0, e.eValueCi(), 1e-6);
        assertEquals(1.8, e.ciRiskRatio());
    }

    @Test
    void preventiveVersionInvertsTheRiskRatio() {
        // EValue's test "Annals case #1, preventive version": evalues.RR(1/3.9, 1/8.7, 1/1.8) gives the same
        // E-values, the upper bound 1/1.8 being the one closest to 1.
        EValueResult e = EValue.ofRiskRatio(1 / 3.9, 1 / 8.7, 1 / 1.8);
        assertRelative(7.263034, e.eValue(), 1e-6);
        assertRelative(3.0, e.eValueCi(), 1e-6);
        assertRelative(1 / 1.8, e.ciRiskRatio(), 1e-15);
    }

    @Test
    void smokingAndLungCancerExampleOfTheEValueVignette() {
        // EValue vignette "unmeasured-confounding" (Hammond & Horn): evalues.RR(est = 10.73, lo = 8.02,
        // hi = 14.36) prints E-values 20.94777 and 15.52336 (5 decimals: compared to 5e-6)
        EValueResult e = EValue.ofRiskRatio(10.73, 8.02, 14.36);
        assertEquals(20.94777, e.eValue(), 5e-6);
        assertEquals(15.52336, e.eValueCi(), 5e-6);
    }

    @Test
    void intervalIncludingTheNullHasEValueOne() {
        // VanderWeele & Ding (2017): "if the confidence interval includes 1, the E-value for the interval is 1"
        EValueResult e = EValue.ofRiskRatio(1.2, 0.9, 1.6);
        assertEquals(1, e.eValueCi());
        assertTrue(Double.isNaN(e.ciRiskRatio()));
        // RR = 1: 1 + sqrt(1 * 0) = 1
        assertEquals(1, EValue.ofRiskRatio(1));
    }

    @Test
    void correlationGoesThroughCohensDAndExpOf091D() {
        // hand computation: r = 0.3, d = 0.6 / sqrt(0.91) = 0.6289709020, RR = exp(0.91 d) = 1.772451330,
        // E = RR + sqrt(RR (RR - 1)) = 2.942550637; lower bound r = 0.1: RR = exp(0.91 * 0.2 / sqrt(0.99))
        // = 1.200714603, E = 1.691633085
        EValueResult e = EValue.ofCorrelation(0.3, 0.1, 0.5);
        assertRelative(1.772451330, e.riskRatio(), 1e-9);
        assertRelative(2.942550637, e.eValue(), 1e-9);
        assertRelative(1.200714603, e.ciRiskRatio(), 1e-9);
        assertRelative(1.691633085, e.eValueCi(), 1e-9);
        // a negative correlation has the E-value of its absolute value: RR(-r) = 1/RR(r)
        EValueResult neg = EValue.ofCorrelation(-0.3, -0.5, -0.1);
        assertRelative(2.942550637, neg.eValue(), 1e-9);
        assertRelative(1.691633085, neg.eValueCi(), 1e-9);
        assertEquals(1, EValue.ofCorrelation(0.3, -0.01, 0.5).eValueCi());
    }

    @Test
    void pooledFisherZIsBackTransformedFirst() {
        // z = atanh(0.3) with CI [atanh(0.1), atanh(0.5)] gives the E-values of the correlation example above
        MetaAnalysisResult pooled = pooled(Math.log(1.3 / 0.7) / 2, Math.log(1.1 / 0.9) / 2, Math.log(3) / 2, 0.0);
        EValueResult e = EValue.ofPooled(pooled, CorrelationMeasure.ZCOR);
        assertRelative(2.942550637, e.eValue(), 1e-9);
        assertRelative(1.691633085, e.eValueCi(), 1e-9);
        // COR: the estimate is r itself; a Wald bound above 1 is cut at 1 (RR infinite)
        EValueResult raw = EValue.ofPooled(pooled(0.3, 0.1, 1.2, 0.0), CorrelationMeasure.COR);
        assertRelative(2.942550637, raw.eValue(), 1e-9);
        assertRelative(1.691633085, raw.eValueCi(), 1e-9);
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EValue.ofRiskRatio(0));
        assertThrows(IllegalArgumentException.class, () -> EValue.ofRiskRatio(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EValue.ofRiskRatio(2, 2.5, 3));
        assertThrows(IllegalArgumentException.class, () -> EValue.ofCorrelation(1, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> EValue.ofCorrelation(0.3, 0.4, 0.5));
    }

    /** A pooled fit with the given estimate, CI and tau^2 (the other fields are not used). */
    static MetaAnalysisResult pooled(double estimate, double ciLower, double ciUpper, double tau2) {
        double se = (ciUpper - ciLower) / (2 * 1.959963984540054);
        return new MetaAnalysisResult(10, TauSquaredEstimator.REML, InferenceTest.Z, 0.95, estimate, se,
            estimate / se, Double.NaN, ciLower, ciUpper, tau2, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
