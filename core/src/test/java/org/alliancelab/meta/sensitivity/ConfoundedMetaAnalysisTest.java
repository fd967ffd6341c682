package org.alliancelab.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.junit.jupiter.api.Test;

class ConfoundedMetaAnalysisTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void apparentlyCausativeEffect() {
        // hand computation from Mathur & VanderWeele (2020), doi:10.1080/01621459.2018.1529598, parametric
        // method, mu = 0.4, tau = 0.2, q = log 1.1, B = 1.2, r = 0.1 (mpmath, 30 digits):
        // P = 1 - Phi((log 1.1 + log 1.2 - 0.4) / 0.2) = 0.7296786247
        // T_min = exp(0.4 - log 1.1 + 0.2 Phi^-1(0.9)) = 1.752424282, G_min = T + sqrt(T (T - 1)) = 2.900712827
        ConfoundedMetaAnalysisResult res = ConfoundedMetaAnalysis.of(Math.log(1.1)).withBias(1.2).withThreshold(0.1)
            .fit(0.4, 0.2);
        assertEquals(EffectDirection.APPARENTLY_CAUSATIVE, res.direction());
        assertRelative(0.7296786247, res.proportion(), 1e-9);
        assertRelative(1.752424282, res.tMin(), 1e-9);
        assertRelative(2.900712827, res.gMin(), 1e-9);
    }

    @Test
    void apparentlyPreventiveEffect() {
        // hand computation: mu = -0.4, tau = 0.2, q = log 0.9, B = 1.2, r = 0.1 (EValue's tail = "below"):
        // P = Phi((log 0.9 - log 1.2 + 0.4) / 0.2) = 0.7128021789,
        // T_min = exp(log 0.9 + 0.4 + 0.2 Phi^-1(0.9)) = 1.734900039, G_min = 2.864049324
        ConfoundedMetaAnalysisResult res = ConfoundedMetaAnalysis.of(Math.log(0.9)).withBias(1.2).fit(-0.4, 0.2);
        assertEquals(EffectDirection.APPARENTLY_PREVENTIVE, res.direction());
        assertRelative(0.7128021789, res.proportion(), 1e-9);
        assertRelative(1.734900039, res.tMin(), 1e-9);
        assertRelative(2.864049324, res.gMin(), 1e-9);
    }

    @Test
    void biasOfTMinLeavesExactlyTheThreshold() {
        // by the definition of T_min: removing B = T_min leaves the proportion r (here 0.25)
        ConfoundedMetaAnalysis base = ConfoundedMetaAnalysis.of(0.1).withThreshold(0.25);
        double t = base.fit(0.5, 0.3).tMin();
        assertEquals(0.25, base.withBias(t).fit(0.5, 0.3).proportion(), 1e-12);
    }

    @Test
    void proportionAlreadyBelowTheThresholdNeedsNoBias() {
        // mu = 0.05, tau = 0.01 with q = log 1.1 = 0.0953: P = 1 - Phi(4.53) < 0.1, so T_min = G_min = 1
        // (EValue: Tmin = max(1, ...), Gmin = 1 + sqrt(0) = 1)
        ConfoundedMetaAnalysisResult res = ConfoundedMetaAnalysis.of(Math.log(1.1)).fit(0.05, 0.01);
        assertEquals(1, res.tMin());
        assertEquals(1, res.gMin());
    }

    @Test
    void noHeterogeneityIsThePointMassLimit() {
        // tau = 0: every true effect is mu = 0.4 > q = log 1.1, so P = 1; with B = 1.5 (log 1.5 = 0.405)
        // the corrected 0.4 - 0.405 < q and P = 0; T_min = exp(0.4 - log 1.1) = 1.356204271,
        // G_min = 2.051247976 (hand computation)
        ConfoundedMetaAnalysis a = ConfoundedMetaAnalysis.of(Math.log(1.1));
        ConfoundedMetaAnalysisResult res = a.fit(0.4, 0);
        assertEquals(1, res.proportion());
        assertRelative(1.356204271, res.tMin(), 1e-9);
        assertRelative(2.051247976, res.gMin(), 1e-9);
        assertEquals(0, a.withBias(1.5).fit(0.4, 0).proportion());
    }

    @Test
    void pooledFisherZIsConvertedByTheDeltaMethod() {
        // hand computation: z = 0.3, tau^2 = 0.01 (tau = 0.1), q = r 0.1, r = 0.1:
        // r^ = tanh 0.3 = 0.2913126125, mu = 0.91 * 2 r^ / sqrt(1 - r^2) = 0.5542269341,
        // tau_logRR = 1.82 / sqrt(1 - r^2) * 0.1 = 0.1902516096, q_logRR = 0.182 / sqrt(0.99) = 0.1829168824,
        // P = 1 - Phi((q - mu) / tau) = 0.9745118303, T_min = exp(mu - q + tau Phi^-1(0.9)) = 1.849892075,
        // G_min = 3.103769508
        ConfoundedMetaAnalysisResult res = ConfoundedMetaAnalysis.ofCorrelationThreshold(0.1)
            .fitPooled(EValueTest.pooled(0.3, 0.2, 0.4, 0.01), CorrelationMeasure.ZCOR);
        assertRelative(0.5542269341, res.mu(), 1e-9);
        assertRelative(0.1902516096, res.tau(), 1e-9);
        assertRelative(0.1829168824, res.q(), 1e-9);
        assertRelative(0.9745118303, res.proportion(), 1e-9);
        assertRelative(1.849892075, res.tMin(), 1e-9);
        assertRelative(3.103769508, res.gMin(), 1e-9);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.ofCorrelationThreshold(1));
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.of(0.1).withBias(0.9));
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.of(0.1).withThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.of(0.1).withThreshold(1));
        assertThrows(IllegalArgumentException.class, () -> ConfoundedMetaAnalysis.of(0.1).fit(0.2, -0.1));
    }
}
