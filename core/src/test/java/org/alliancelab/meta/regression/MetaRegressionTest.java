package org.alliancelab.meta.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.testing.DenseMatrices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Checks the O(k p^2) estimators against their defining equations evaluated with dense
 * k x k matrices (P = W - W X (X'WX)^-1 X' W formed explicitly), on dat.molloy2014
 * (golden/molloy2014.json) with mods = meanage + factor(design).
 */
class MetaRegressionTest {

    private static final GoldenCases MOLLOY = GoldenCases.load("molloy2014.json");

    private static DesignMatrix design() {
        return DesignMatrix.builder(MOLLOY.size())
            .continuous("meanage", MOLLOY.column("meanage"))
            .categorical("design", MOLLOY.strings("design"))
            .build();
    }

    /** Dense P for weights w. */
    private static double[][] projector(DesignMatrix x, double[] w) {
        int k = x.rows();
        int p = x.columns();
        double[][] a = new double[p][p];
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a[r][c] += w[i] * x.get(i, r) * x.get(i, c);
                }
            }
        }
        double[][] ai = DenseMatrices.inverse(a);
        double[][] pm = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < p; c++) {
                        s += x.get(i, r) * ai[r][c] * x.get(j, c);
                    }
                }
                pm[i][j] = (i == j ? w[i] : 0) - w[i] * s * w[j];
            }
        }
        return pm;
    }

    private static double quad(double[][] m, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                s += y[i] * m[i][j] * y[j];
            }
        }
        return s;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] o = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < n; q++) {
                    o[i][j] += a[i][q] * b[q][j];
                }
            }
        }
        return o;
    }

    private static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i];
        }
        return s;
    }

    private static double[] weights(double[] v, double tau2) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        return w;
    }

    private static MetaRegressionResult fit(TauSquaredEstimator est) {
        return MetaRegression.of(est).withConvergence(1e-13, 10000)
            .fit(MOLLOY.yi("ZCOR"), MOLLOY.vi("ZCOR"), design());
    }

    @ParameterizedTest
    @EnumSource(value = TauSquaredEstimator.class, names = {"REML", "ML", "EB", "PM"})
    void iterativeEstimatorsSolveTheirEstimatingEquations(TauSquaredEstimator est) {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        DesignMatrix x = design();
        MetaRegressionResult r = fit(est);
        assertTrue(r.tau2() > 0, "interior solution expected for this data set");
        double[] w = weights(v, r.tau2());
        double[][] pm = projector(x, w);
        double[][] pp = mul(pm, pm);
        int k = y.length;
        int p = x.columns();
        double score;
        double scale;
        switch (est) {
            case REML:
                score = quad(pp, y) - trace(pm);
                scale = trace(pm);
                assertEquals(Math.sqrt(2 / trace(pp)), r.tau2Se(), 1e-10 * r.tau2Se());
                break;
            case ML:
                double sw = 0;
                for (double wi : w) {
                    sw += wi;
                }
                score = quad(pp, y) - sw;
                scale = sw;
                break;
            case EB:
                score = quad(pm, y) * k / (k - p) - k;
                scale = k;
                break;
            default:
                score = quad(pm, y) - (k - p);
                scale = k - p;
                break;
        }
        assertEquals(0, score / scale, 1e-9, est + " estimating equation");
    }

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void interceptOnlyModelIsTheRandomEffectsModel(TauSquaredEstimator est) {
        // two independent implementations of the same estimators (pooling and regression)
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        for (InferenceTest test : InferenceTest.values()) {
            MetaAnalysisResult re = RandomEffectsModel.of(est).withTest(test).fit(y, v);
            MetaRegressionResult mr = MetaRegression.of(est).withTest(test).fit(y, v, DesignMatrix.interceptOnly(y.length));
            Coefficient b = mr.coefficients().get(0);
            assertEquals(re.tau2(), mr.tau2(), 1e-10 * Math.max(re.tau2(), 1e-6), est + " tau2");
            assertEquals(re.estimate(), b.estimate(), 1e-9 * Math.abs(re.estimate()));
            assertEquals(re.se(), b.se(), 1e-9 * re.se());
            assertEquals(re.pValue(), b.pValue(), 1e-9 * re.pValue());
            assertEquals(re.ciLower(), b.ciLower(), 1e-9);
            assertEquals(re.i2(), mr.i2(), 1e-8);
            assertEquals(re.qe(), mr.qe(), 1e-10 * re.qe());
            if (est != TauSquaredEstimator.EE) {
                assertEquals(re.tau2Se(), mr.tau2Se(), 1e-8 * re.tau2Se(), est + " tau2Se");
            }
        }
    }

    @Test
    void closedFormEstimatorsMatchDenseFormulas() {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        DesignMatrix x = design();
        int k = y.length;
        int p = x.columns();
        double[][] p0 = projector(x, weights(v, 0));
        double rss = quad(p0, y);
        double trP = trace(p0);
        double dl = Math.max(0, (rss - (k - p)) / trP);
        MetaRegressionResult rDl = fit(TauSquaredEstimator.DL);
        assertEquals(dl, rDl.tau2(), 1e-12 * dl);
        double seDl = Math.sqrt((2.0 * (k - p) + 4 * dl * trP + 2 * dl * dl * trace(mul(p0, p0))) / (trP * trP));
        assertEquals(seDl, rDl.tau2Se(), 1e-10 * seDl);
        double sw = 0;
        for (double vi : v) {
            sw += 1 / vi;
        }
        assertEquals(Math.max(0, (rss - k) / sw), fit(TauSquaredEstimator.HS).tau2(), 1e-14);
        assertEquals(Math.max(0, ((double) k / (k - p) * rss - k) / sw), fit(TauSquaredEstimator.HSK).tau2(), 1e-14);
        // HE: ordinary least squares residuals
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1);
        double[][] pOls = projector(x, ones);
        double[][] pv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                pv[i][j] = pOls[i][j] * v[j];
            }
        }
        double he = (quad(pOls, y) - trace(pv)) / (k - p);
        assertEquals(Math.max(0, he), fit(TauSquaredEstimator.HE).tau2(), 1e-12);
        double seHe = Math.sqrt((2 * trace(mul(pv, pv)) + 4 * Math.max(0, he) * trace(pv)
            + 2 * Math.max(0, he) * Math.max(0, he) * (k - p)) / ((double) (k - p) * (k - p)));
        assertEquals(seHe, fit(TauSquaredEstimator.HE).tau2Se(), 1e-10 * seHe);
        // SJ
        double mean = 0;
        for (double yi : y) {
            mean += yi / k;
        }
        double tau0 = 0;
        for (double yi : y) {
            tau0 += (yi - mean) * (yi - mean) / k;
        }
        double sj = tau0 * quad(projector(x, weights(v, tau0)), y) / (k - p);
        assertEquals(sj, fit(TauSquaredEstimator.SJ).tau2(), 1e-12 * sj);
        assertEquals(0, fit(TauSquaredEstimator.EE).tau2());
    }

    @Test
    void knappHartungScalesTheCovarianceAndUsesTAndF() {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        MetaRegressionResult z = fit(TauSquaredEstimator.REML);
        MetaRegressionResult t = MetaRegression.of(TauSquaredEstimator.REML).withConvergence(1e-13, 10000)
            .withTest(InferenceTest.KNHA).fit(y, v, design());
        int k = y.length;
        int p = 3;
        double s2 = quad(projector(design(), weights(v, z.tau2())), y) / (k - p);
        for (int j = 0; j < p; j++) {
            Coefficient cz = z.coefficients().get(j);
            Coefficient ct = t.coefficients().get(j);
            assertEquals(cz.estimate(), ct.estimate(), 1e-14);
            assertEquals(cz.se() * Math.sqrt(s2), ct.se(), 1e-12);
            double tp = 2 * org.apache.commons.statistics.distribution.TDistribution.of(k - p)
                .survivalProbability(Math.abs(ct.statistic()));
            assertEquals(tp, ct.pValue(), 1e-14);
        }
        assertEquals(z.qm() / 2 / s2, t.qm(), 1e-10 * t.qm());
        assertEquals(org.apache.commons.statistics.distribution.FDistribution.of(2, k - p)
            .survivalProbability(t.qm()), t.qmP(), 1e-14);
    }

    @Test
    void designIsDummyCodedAgainstTheFirstSortedLevel() {
        DesignMatrix x = DesignMatrix.builder(4)
            .categorical("g", new String[] {"b", "c", "a", "b"})
            .continuous("age", new double[] {1, 2, 3, 4})
            .build();
        assertEquals(List.of("intrcpt", "factor(g)b", "factor(g)c", "age"), x.names());
        assertEquals(1.0, x.get(0, 1));
        assertEquals(0.0, x.get(2, 1));
        assertEquals(0.0, x.get(2, 2));
        assertEquals(1.0, x.get(1, 2));
    }

    @Test
    void rejectsBadModeratorsAndEffectSizes() {
        InvalidModeratorException e = assertThrows(InvalidModeratorException.class,
            () -> DesignMatrix.builder(3).continuous("age", new double[] {1, Double.NaN, 3}));
        assertEquals(1, e.study());
        assertEquals("age", e.moderator());
        assertThrows(InvalidModeratorException.class,
            () -> DesignMatrix.builder(3).categorical("g", new String[] {"a", "a", "a"}));
        double[] y = {0.1, 0.2, 0.3, 0.25};
        double[] v = {0.01, 0.01, 0.02, 0.02};
        DesignMatrix collinear = DesignMatrix.builder(4)
            .continuous("a", new double[] {1, 2, 3, 4})
            .continuous("b", new double[] {2, 4, 6, 8})
            .build();
        e = assertThrows(InvalidModeratorException.class,
            () -> MetaRegression.of(TauSquaredEstimator.REML).fit(y, v, collinear));
        assertEquals("b", e.moderator());
        InvalidEffectSizeException ee = assertThrows(InvalidEffectSizeException.class,
            () -> MetaRegression.of(TauSquaredEstimator.REML).fit(y, new double[] {0.01, -1, 0.02, 0.02},
                DesignMatrix.interceptOnly(4)));
        assertEquals(1, ee.study());
        assertThrows(IllegalArgumentException.class,
            () -> MetaRegression.of(TauSquaredEstimator.REML).fit(new double[] {0.1, 0.2}, new double[] {0.1, 0.1},
                DesignMatrix.builder(2).continuous("a", new double[] {1, 2}).build()));
    }
}
