package org.alliancelab.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    private static final GoldenCases MOLLOY = GoldenCases.load("molloy2014.json");

    @Test
    void commonEffectInfluenceSatisfiesTheDeletionIdentities() {
        // with tau^2 = 0: mu - mu(-i) = h_i (y_i - mu(-i)), V(-i) = 1/(W - w_i), Cook = W (mu - mu(-i))^2
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        RandomEffectsModel ee = RandomEffectsModel.of(TauSquaredEstimator.EE);
        List<StudyInfluence> inf = InfluenceDiagnostics.fit(ee, y, v);
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += 1 / v[i];
            swy += y[i] / v[i];
        }
        double mu = swy / sw;
        for (int i = 0; i < y.length; i++) {
            StudyInfluence s = inf.get(i);
            double wi = 1 / v[i];
            double muDel = (swy - wi * y[i]) / (sw - wi);
            double h = wi / sw;
            assertEquals(h, s.hat(), 1e-14);
            assertEquals(100 * h, s.weight(), 1e-12);
            assertEquals((y[i] - muDel) / Math.sqrt(v[i] + 1 / (sw - wi)), s.rstudent(), 1e-9);
            assertEquals(h * (y[i] - muDel) / Math.sqrt(h * v[i]), s.dffits(), 1e-9);
            assertEquals(sw * (mu - muDel) * (mu - muDel), s.cooksDistance(), 1e-9);
            assertEquals(sw / (sw - wi), s.covRatio(), 1e-9);
            assertEquals((mu - muDel) * Math.sqrt(sw), s.dfbetas(), 1e-9);
            assertEquals(0, s.tau2Deleted());
        }
    }

    @Test
    void randomEffectsInfluenceAgreesWithLeaveOneOut() {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        RandomEffectsModel reml = RandomEffectsModel.of(TauSquaredEstimator.REML);
        List<StudyInfluence> inf = InfluenceDiagnostics.fit(reml, y, v);
        List<MetaAnalysisResult> loo = LeaveOneOut.fit(reml, y, v);
        MetaAnalysisResult full = reml.fit(y, v);
        double maxCook = 0;
        for (int i = 0; i < y.length; i++) {
            StudyInfluence s = inf.get(i);
            MetaAnalysisResult d = loo.get(i);
            assertEquals(i, s.study());
            assertEquals(d.tau2(), s.tau2Deleted(), 0.0);
            assertEquals(d.qe(), s.qeDeleted(), 0.0);
            assertEquals(Math.pow(d.se() / full.se(), 2), s.covRatio(), 1e-12);
            assertEquals(Math.pow(full.estimate() - d.estimate(), 2) / Math.pow(full.se(), 2), s.cooksDistance(), 1e-12);
            double resid = y[i] - d.estimate();
            assertEquals(resid / Math.sqrt(v[i] + d.tau2() + d.se() * d.se()), s.rstudent(), 1e-12);
            maxCook = Math.max(maxCook, s.cooksDistance());
        }
        assertTrue(maxCook > 0);
    }

    @Test
    void leaveOneOutReportsEachRefitAndTheSharedRefitsGiveTheSameDiagnostics() {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML);
        List<Long> seen = new java.util.ArrayList<>();
        List<MetaAnalysisResult> withListener = LeaveOneOut.fit(model, y, v, seen::add);
        assertEquals(java.util.stream.LongStream.rangeClosed(1, y.length).boxed().toList(), seen);
        assertEquals(LeaveOneOut.fit(model, y, v), withListener);
        // the diagnostics from given refits equal those that refit on their own
        assertEquals(InfluenceDiagnostics.fit(model, y, v), InfluenceDiagnostics.fit(model, y, v, withListener));
        assertThrows(IllegalArgumentException.class,
            () -> InfluenceDiagnostics.fit(model, y, v, withListener.subList(1, y.length)));
    }

    @Test
    void cumulativeEndsWithTheFullFitAndFollowsTheOrder() {
        double[] y = MOLLOY.yi("ZCOR");
        double[] v = MOLLOY.vi("ZCOR");
        RandomEffectsModel dl = RandomEffectsModel.of(TauSquaredEstimator.DL);
        List<MetaAnalysisResult> cum = CumulativeMetaAnalysis.fit(dl, y, v);
        assertEquals(y.length, cum.size());
        assertEquals(1, cum.get(0).k());
        assertEquals(y[0], cum.get(0).estimate(), 1e-15);
        assertEquals(dl.fit(y, v).estimate(), cum.get(y.length - 1).estimate(), 1e-15);
        int[] reversed = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            reversed[i] = y.length - 1 - i;
        }
        List<MetaAnalysisResult> rev = CumulativeMetaAnalysis.fit(dl, y, v, reversed);
        assertEquals(y[y.length - 1], rev.get(0).estimate(), 1e-15);
        assertEquals(cum.get(y.length - 1).estimate(), rev.get(y.length - 1).estimate(), 1e-14);
        assertThrows(IllegalArgumentException.class,
            () -> CumulativeMetaAnalysis.fit(dl, y, v, new int[y.length]));
    }
}
