package org.alliancelab.meta.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.testing.DenseMatrices;
import org.junit.jupiter.api.Test;

class DependenceTest {
    @Test
    void compoundSymmetryMatchesDenseGeneralizedLeastSquares() {
        double[] y = {0.30, 0.42, 0.25, 0.50};
        double[] v = {0.010, 0.020, 0.015, 0.030};
        String[] cl = {"a", "a", "a", "b"};
        double rho = 0.6;
        List<AggregatedEffect> out = CompoundSymmetryAggregation.of(rho).aggregate(cl, y, v);
        double[][] cov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[i][j] = (i == j ? 1 : rho) * Math.sqrt(v[i] * v[j]);
            }
        }
        double[][] w = new double[3][3];
        DenseMatrices.invert(cov, w);
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sw += w[i][j];
                swy += w[i][j] * y[j];
            }
        }
        assertEquals(2, out.size());
        assertEquals("a", out.get(0).cluster());
        assertEquals(3, out.get(0).effects());
        assertEquals(swy / sw, out.get(0).yi(), 1e-13);
        assertEquals(1 / sw, out.get(0).vi(), 1e-15);
        assertEquals(0.50, out.get(1).yi());
        assertEquals(0.030, out.get(1).vi());
        // rho = 0: inverse-variance weighted mean
        AggregatedEffect iv = CompoundSymmetryAggregation.of(0).aggregate(cl, y, v).get(0);
        double w0 = 1 / v[0] + 1 / v[1] + 1 / v[2];
        assertEquals((y[0] / v[0] + y[1] / v[1] + y[2] / v[2]) / w0, iv.yi(), 1e-14);
        assertEquals(1 / w0, iv.vi(), 1e-16);
    }

    @Test
    void compoundSymmetryRejectsSingularCorrelations() {
        double[] y = {0.3, 0.4};
        double[] v = {0.01, 0.02};
        assertThrows(IllegalArgumentException.class,
            () -> CompoundSymmetryAggregation.of(1).aggregate(new String[] {"a", "a"}, y, v));
        assertEquals(2, CompoundSymmetryAggregation.of(1).aggregate(new String[] {"a", "b"}, y, v).size());
        assertThrows(IllegalArgumentException.class, () -> CompoundSymmetryAggregation.of(1.5));
        InvalidEffectSizeException e = assertThrows(InvalidEffectSizeException.class,
            () -> CompoundSymmetryAggregation.of(0.5).aggregate(new String[] {"a", "a"}, y, new double[] {0.01, -1}));
        assertEquals(1, e.study());
    }

    @Test
    void compositeCorrelationByHand() {
        // (0.3 + 0.5)/sqrt(2 + 2 * 0.5) = 0.8/sqrt(3); mean n 100.5 rounds half to even (R) = 100
        List<AggregatedCorrelation> out = CompositeCorrelation.aggregate(
            new String[] {"s1", "s1", "s2"}, new double[] {0.3, 0.5, 0.2}, new int[] {100, 101, 50}, 0.5);
        assertEquals(0.8 / Math.sqrt(3), out.get(0).r(), 1e-15);
        assertEquals(100, out.get(0).n());
        assertEquals(2, out.get(0).correlations());
        assertEquals(0.2, out.get(1).r(), 1e-15);
        assertEquals(50, out.get(1).n());
        // perfectly intercorrelated measures: the composite correlation is the mean
        assertEquals(0.4, CompositeCorrelation.aggregate(new String[] {"s", "s"}, new double[] {0.3, 0.5},
            new int[] {10, 10}, 1.0).get(0).r(), 1e-15);
        assertThrows(InvalidEffectSizeException.class, () -> CompositeCorrelation.aggregate(
            new String[] {"s"}, new double[] {1.0}, new int[] {10}, 0.5));
    }

    /** Dense restricted log-likelihood with metafor's constants, k x k matrices. */
    private static double[] denseReml(double[] y, double[] v, String[] study, String[] sample, double s1, double s2) {
        int k = y.length;
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                boolean sameStudy = study[i].equals(study[j]);
                cov[i][j] = (i == j ? v[i] : 0) + (sameStudy ? s1 : 0)
                    + (sameStudy && sample[i].equals(sample[j]) ? s2 : 0);
            }
        }
        double[][] w = new double[k][k];
        double logDet = DenseMatrices.invert(cov, w);
        double c = 0;
        double cy = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c += w[i][j];
                cy += w[i][j] * y[j];
            }
        }
        double mu = cy / c;
        double q = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                q += (y[i] - mu) * w[i][j] * (y[j] - mu);
            }
        }
        double ll = -0.5 * ((k - 1) * Math.log(2 * Math.PI) - Math.log(k) + logDet + Math.log(c) + q);
        return new double[] {ll, mu, 1 / Math.sqrt(c)};
    }

    @Test
    void threeLevelModelMaximizesTheDenseRestrictedLikelihood() {
        // golden/crede2010_grade.json (metadat dat.crede2010): 67 effects, 54 studies
        GoldenCases g = GoldenCases.load("crede2010_grade.json");
        double[] y = g.yi("ZCOR");
        double[] v = g.vi("ZCOR");
        String[] study = g.strings("studyid");
        String[] sample = g.strings("sampleid");
        ThreeLevelResult r = ThreeLevelModel.reml().fit(y, v, study, sample);
        assertEquals(54, r.studies());
        assertEquals(67, r.samples());
        double[] at = denseReml(y, v, study, sample, r.sigma2Studies(), r.sigma2Samples());
        assertEquals(at[0], r.logLikelihood(), 1e-9);
        assertEquals(at[1], r.estimate(), 1e-12);
        assertEquals(at[2], r.se(), 1e-12);
        double h = 1e-4;
        double[][] moves = {{h, 0}, {-h, 0}, {0, h}, {0, -h}, {h, -h}, {-h, h}};
        for (double[] d : moves) {
            double ll = denseReml(y, v, study, sample, r.sigma2Studies() + d[0], r.sigma2Samples() + d[1])[0];
            assertTrue(ll < r.logLikelihood(), "a neighbour has a higher likelihood");
        }
    }

    @Test
    void threeLevelModelStopsAtTheBoundary() {
        // no within-study heterogeneity: samples of a study share one effect, so sigma2 of samples is 0
        double[] y = {0.1, 0.1, 0.5, 0.5, 0.3, 0.3, 0.9, 0.9};
        double[] v = {0.01, 0.02, 0.01, 0.03, 0.02, 0.02, 0.01, 0.02};
        String[] study = {"1", "1", "2", "2", "3", "3", "4", "4"};
        String[] sample = {"a", "b", "a", "b", "a", "b", "a", "b"};
        ThreeLevelResult r = ThreeLevelModel.reml().fit(y, v, study, sample);
        assertEquals(0, r.sigma2Samples());
        assertTrue(r.sigma2Studies() > 0);
        double ll = r.logLikelihood();
        assertTrue(denseReml(y, v, study, sample, r.sigma2Studies(), 1e-4)[0] < ll);
        assertEquals(denseReml(y, v, study, sample, r.sigma2Studies(), 0)[0], ll, 1e-9);
    }
}
