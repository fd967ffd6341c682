package org.alliancelab.meta.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.junit.jupiter.api.Test;

class RandomEffectsModelTest {

    private static final double[] YI = {0.10, 0.30, 0.35, 0.65, 0.45, 0.15};
    private static final double[] VI = {0.01, 0.02, 0.015, 0.03, 0.01, 0.02};

    @Test
    void commonEffectIsTheInverseVarianceMean() {
        MetaAnalysisResult r = RandomEffectsModel.of(TauSquaredEstimator.EE).fit(new double[] {0.2, 0.4}, new double[] {0.01, 0.04});
        // weights 100 and 25: (20 + 10) / 125 = 0.24, se = 1/sqrt(125)
        assertEquals(0.24, r.estimate(), 1e-15);
        assertEquals(1 / Math.sqrt(125), r.se(), 1e-15);
        // Q = 100 (0.04)^2 + 25 (0.16)^2 = 0.16 + 0.64 = 0.8
        assertEquals(0.8, r.qe(), 1e-13);
        assertTrue(Double.isNaN(r.piLower()));
    }

    @Test
    void singleStudyHasNoHeterogeneity() {
        MetaAnalysisResult r = RandomEffectsModel.of(TauSquaredEstimator.REML).withTest(InferenceTest.KNHA)
            .fit(new double[] {0.3}, new double[] {0.01});
        assertEquals(0.3, r.estimate(), 1e-15);
        assertEquals(0.1, r.se(), 1e-15);
        assertEquals(0, r.tau2());
        assertEquals(InferenceTest.Z, r.test(), "Knapp-Hartung needs k >= 2");
        assertTrue(Double.isNaN(r.qeP()));
    }

    @Test
    void workspaceEntryPointAgreesWithObjectApiAndUsesFirstK() {
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML);
        double[] y = new double[YI.length + 3];
        double[] v = new double[VI.length + 3];
        System.arraycopy(YI, 0, y, 0, YI.length);
        System.arraycopy(VI, 0, v, 0, VI.length);
        v[YI.length] = -1; // beyond k: must be ignored
        PoolingWorkspace ws = new PoolingWorkspace();
        model.fit(y, v, YI.length, ws);
        assertEquals(model.fit(YI, VI), ws.toResult());
    }

    @Test
    void pauleMandelAndEmpiricalBayesAgree() {
        // Both solve Q(tau2) = k - 1 (Viechtbauer et al. 2015, doi:10.1002/jrsm.1140).
        double pm = RandomEffectsModel.of(TauSquaredEstimator.PM).fit(YI, VI).tau2();
        double eb = RandomEffectsModel.of(TauSquaredEstimator.EB).fit(YI, VI).tau2();
        assertTrue(pm > 0);
        assertEquals(pm, eb, 1e-10);
        // and Q at the solution equals k - 1
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < YI.length; i++) {
            sw += 1 / (VI[i] + pm);
            swy += YI[i] / (VI[i] + pm);
        }
        double q = 0;
        for (int i = 0; i < YI.length; i++) {
            q += Math.pow(YI[i] - swy / sw, 2) / (VI[i] + pm);
        }
        assertEquals(YI.length - 1, q, 1e-9);
    }

    @Test
    void nonConvergenceThrows() {
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML).withConvergence(1e-15, 1);
        var e = assertThrows(NonConvergenceException.class, () -> model.fit(YI, VI));
        assertEquals(TauSquaredEstimator.REML, e.estimator());
    }

    @Test
    void invalidVarianceNamesTheStudy() {
        var e = assertThrows(InvalidEffectSizeException.class,
            () -> RandomEffectsModel.of(TauSquaredEstimator.DL).fit(new double[] {0.1, 0.2, 0.3}, new double[] {0.1, 0, 0.2}));
        assertEquals(1, e.study());
        assertEquals("vi", e.field());
        assertThrows(InvalidEffectSizeException.class,
            () -> RandomEffectsModel.of(TauSquaredEstimator.DL).fit(new double[] {0.1, Double.NaN}, new double[] {0.1, 0.1}));
        assertThrows(InvalidEffectSizeException.class,
            () -> RandomEffectsModel.of(TauSquaredEstimator.DL).fit(new double[0], new double[0]));
    }

    @Test
    void configurationIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> RandomEffectsModel.of(TauSquaredEstimator.DL).withConfidenceLevel(1));
        assertThrows(IllegalArgumentException.class, () -> RandomEffectsModel.of(TauSquaredEstimator.DL).withConvergence(0, 10));
        assertEquals(TauSquaredEstimator.EE, TauSquaredEstimator.parse("fe"));
        assertEquals(InferenceTest.KNHA, InferenceTest.parse("knha"));
        assertThrows(IllegalArgumentException.class, () -> TauSquaredEstimator.parse("XYZ"));
    }

    @Test
    void wideIntervalForHigherLevel() {
        var m95 = RandomEffectsModel.of(TauSquaredEstimator.DL).fit(YI, VI);
        var m99 = RandomEffectsModel.of(TauSquaredEstimator.DL).withConfidenceLevel(0.99).fit(YI, VI);
        assertEquals(m95.estimate(), m99.estimate(), 0);
        assertTrue(m99.ciUpper() - m99.ciLower() > m95.ciUpper() - m95.ciLower());
    }

    @Test
    void givenTauSquaredReproducesTheFitThatEstimatedIt() {
        // With tau^2 fixed at the REML estimate, everything but the SE of tau^2 (not estimated)
        // and the iteration count equals the REML fit (metafor: rma(yi, vi, tau2 = fit$tau2)).
        for (InferenceTest test : InferenceTest.values()) {
            RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML).withTest(test);
            MetaAnalysisResult estimated = model.fit(YI, VI);
            MetaAnalysisResult given = model.fitWithTauSquared(YI, VI, estimated.tau2());
            assertTrue(estimated.tau2() > 0);
            assertEquals(estimated.estimate(), given.estimate(), 1e-15);
            assertEquals(estimated.se(), given.se(), 1e-15);
            assertEquals(estimated.pValue(), given.pValue(), 1e-15);
            assertEquals(estimated.ciLower(), given.ciLower(), 1e-15);
            assertEquals(estimated.piUpper(), given.piUpper(), 1e-15);
            assertEquals(estimated.i2(), given.i2(), 1e-12);
            assertEquals(estimated.qeP(), given.qeP(), 1e-15);
            assertTrue(Double.isNaN(given.tau2Se()));
        }
        // A common-effect model given tau^2 pools with random-effects weights and has a PI.
        MetaAnalysisResult ee = RandomEffectsModel.of(TauSquaredEstimator.EE).fitWithTauSquared(YI, VI, 0.01);
        assertEquals(RandomEffectsModel.of(TauSquaredEstimator.DL).fitWithTauSquared(YI, VI, 0.01).estimate(),
            ee.estimate(), 1e-15);
        assertTrue(Double.isFinite(ee.piLower()));
        assertThrows(IllegalArgumentException.class,
            () -> RandomEffectsModel.of(TauSquaredEstimator.DL).fitWithTauSquared(YI, VI, -0.1));
    }
}
