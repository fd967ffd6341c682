package org.alliancelab.meta.effectsize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EffectSizesTest {

    @Test
    void fisherZVarianceUsesNMinusThree() {
        EffectSize es = EffectSizes.of(CorrelationMeasure.ZCOR, 0.5, 103, 0);
        // atanh(0.5) = 0.5 ln 3
        assertEquals(0.5 * Math.log(3), es.yi(), 1e-15);
        assertEquals(0.01, es.vi(), 1e-15);
    }

    @Test
    void partialCorrelationVarianceSubtractsCovariates() {
        // PCOR: (1 - r^2)^2 / (n - p - 1) = 0.75^2 / 46 with r = .5, n = 50, p = 3
        assertEquals(0.5625 / 46, EffectSizes.of(CorrelationMeasure.PCOR, 0.5, 50, 3).vi(), 1e-15);
        // ZPCOR: 1 / (n - p - 3)
        assertEquals(1.0 / 44, EffectSizes.of(CorrelationMeasure.ZPCOR, 0.5, 50, 3).vi(), 1e-15);
    }

    @Test
    void partialCorrelationFromT() {
        // r = t / sqrt(t^2 + n - p - 2) = 2 / sqrt(4 + 96 - 4 - 2 + 6) ... with t = 2, n = 100, p = 4
        assertEquals(2 / Math.sqrt(4 + 94), EffectSizes.partialCorrelationFromT(2, 100, 4), 1e-15);
        assertThrows(InvalidEffectSizeException.class, () -> EffectSizes.partialCorrelationFromT(2, 6, 4));
    }

    @Test
    void rejectsCorrelationOutsideOpenInterval() {
        var e = assertThrows(InvalidEffectSizeException.class, () -> EffectSizes.of(CorrelationMeasure.ZCOR, 1.0, 50, 0));
        assertEquals("r", e.field());
        assertThrows(InvalidEffectSizeException.class, () -> EffectSizes.of(CorrelationMeasure.COR, Double.NaN, 50, 0));
    }

    @Test
    void rejectsSampleBelowMinimumAndNamesTheStudy() {
        assertEquals(4, CorrelationMeasure.ZCOR.minimumSampleSize(0));
        assertEquals(7, CorrelationMeasure.ZPCOR.minimumSampleSize(3));
        double[] yi = new double[3];
        double[] vi = new double[3];
        var e = assertThrows(InvalidEffectSizeException.class, () ->
            EffectSizes.of(CorrelationMeasure.ZCOR, new double[] {0.1, 0.2, 0.3}, new int[] {50, 3, 40}, 0, yi, vi));
        assertEquals(1, e.study());
        assertEquals("n", e.field());
    }

    @Test
    void conversions() {
        assertEquals(0.3, Correlations.fromFisherZ(Correlations.toFisherZ(0.3)), 1e-15);
        // d = 2r / sqrt(1 - r^2): r = .6 gives 1.2 / .8 = 1.5
        assertEquals(1.5, Correlations.toCohensD(0.6), 1e-15);
        assertEquals(0.6, Correlations.fromCohensD(1.5), 1e-15);
        assertEquals(0.09, Correlations.varianceExplained(0.3), 1e-15);
    }
}
