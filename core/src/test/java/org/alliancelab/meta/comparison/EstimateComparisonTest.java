package org.alliancelab.meta.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.subgroup.SubgroupAnalysis;
import org.alliancelab.meta.subgroup.SubgroupResult;
import org.junit.jupiter.api.Test;

class EstimateComparisonTest {

    private static MetaAnalysisResult pooled(double estimate, double se) {
        return new MetaAnalysisResult(10, TauSquaredEstimator.REML, InferenceTest.Z, 0.95, estimate, se,
            estimate / se, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 1, 0, 1, Double.NaN, Double.NaN, 0);
    }

    @Test
    void independentIsTheWaldTestOfTheDifference() {
        // expected: scipy.stats.norm, z = 0.2 / sqrt(0.05^2 + 0.05^2)
        DifferenceTest t = EstimateComparison.independent(pooled(0.3, 0.05), pooled(0.1, 0.05));
        assertEquals(0.2, t.difference(), 1e-15);
        assertEquals(Math.sqrt(0.005), t.se(), 1e-15);
        assertEquals(2.82842712474619, t.statistic(), 1e-13);
        assertEquals(0.004677734981047266, t.pValue(), 1e-15);
        assertEquals(0.06140961756503219, t.ciLower(), 1e-13);
        DifferenceTest t90 = EstimateComparison.independent(pooled(0.3, 0.05), pooled(0.1, 0.05), 0.90);
        assertEquals(0.3163087153676674, t90.ciUpper(), 1e-13);
    }

    @Test
    void independentSquaredEqualsQBetweenOfTwoSubgroups() {
        // molloy2014 (metafor's dat.molloy2014, golden/molloy2014.json), split by 'controls'
        GoldenCases g = GoldenCases.load("molloy2014.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        String[] controls = g.strings("controls");
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML);
        SubgroupResult s = SubgroupAnalysis.of(model).fit(yi, vi, controls);
        assertEquals(2, s.groups().size());
        DifferenceTest t = EstimateComparison.independent(s.groups().get(0).result(), s.groups().get(1).result());
        assertEquals(s.qBetween(), t.statistic() * t.statistic(), 1e-12 * s.qBetween());
        assertEquals(s.pValue(), t.pValue(), 1e-12);
    }

    @Test
    void pairedWithZeroCorrelationPoolsTheDifferencesWithSummedVariances() {
        GoldenCases g = GoldenCases.load("cohen1981.json");
        double[] ya = g.yi("ZCOR");
        double[] va = g.vi("ZCOR");
        int k = ya.length;
        double[] yb = new double[k];
        double[] vb = new double[k];
        double[] d = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            yb[i] = 0.8 * ya[i] - 0.01 * (i % 3);
            vb[i] = 1.5 * va[i];
            d[i] = ya[i] - yb[i];
            v[i] = va[i] + vb[i];
        }
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.DL);
        MetaAnalysisResult paired = EstimateComparison.paired(ya, va, yb, vb, new double[k], model);
        MetaAnalysisResult direct = model.fit(d, v);
        assertEquals(direct.estimate(), paired.estimate(), 1e-15);
        assertEquals(direct.se(), paired.se(), 1e-15);
        assertEquals(direct.tau2(), paired.tau2(), 1e-15);
    }

    @Test
    void positiveCorrelationNarrowsThePairedInterval() {
        // var(d_i) = vA + vB - 2 rho sqrt(vA vB): with equal variances v it is 2 v (1 - rho)
        double[] ya = {0.30, 0.25, 0.41, 0.18, 0.35};
        double[] yb = {0.22, 0.20, 0.30, 0.15, 0.31};
        double[] v = {0.01, 0.02, 0.015, 0.008, 0.012};
        double[] rho = {0.7, 0.7, 0.7, 0.7, 0.7};
        double[] d = new double[5];
        double[] vd = new double[5];
        for (int i = 0; i < 5; i++) {
            d[i] = ya[i] - yb[i];
            vd[i] = 2 * v[i] * 0.3;
        }
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.EE);
        MetaAnalysisResult paired = EstimateComparison.paired(ya, v, yb, v, rho, model);
        assertEquals(model.fit(d, vd).se(), paired.se(), 1e-15);
        MetaAnalysisResult a = model.fit(ya, v);
        MetaAnalysisResult b = model.fit(yb, v);
        assertTrue(paired.se() < EstimateComparison.independent(a, b).se());
    }

    @Test
    void pairedRejectsInvalidInputNamingStudyAndField() {
        double[] y = {0.1, 0.2};
        double[] v = {0.01, 0.02};
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML);
        InvalidEffectSizeException e = assertThrows(InvalidEffectSizeException.class,
            () -> EstimateComparison.paired(y, v, y, v, new double[] {0.5, 1.5}, model));
        assertEquals(1, e.study());
        assertEquals("rho", e.field());
        e = assertThrows(InvalidEffectSizeException.class,
            () -> EstimateComparison.paired(y, new double[] {0, 0.02}, y, v, new double[] {0.5, 0.5}, model));
        assertEquals(0, e.study());
        assertEquals("vi", e.field());
        // rho = 1 with equal variances leaves no sampling variance for the difference
        e = assertThrows(InvalidEffectSizeException.class,
            () -> EstimateComparison.paired(y, v, y, v, new double[] {0.5, 1.0}, model));
        assertEquals("rho", e.field());
        assertThrows(IllegalArgumentException.class,
            () -> EstimateComparison.paired(y, v, y, v, new double[] {0.5}, model));
        assertThrows(IllegalArgumentException.class,
            () -> EstimateComparison.independent(pooled(0.1, 0.1), pooled(0.2, 0.1), 1.0));
    }
}
