package org.alliancelab.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leave-one-out and influence with warm-started refits equal the cold-started refits within 1e-10. */
class WarmStartTest {

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.max(Math.abs(expected), 1e-3), what);
    }

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void warmAndColdRefitsAgree(TauSquaredEstimator estimator) {
        Random random = new Random(99);
        int k = 60;
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = 0.005 + 0.08 * random.nextDouble();
            yi[i] = 0.2 + 0.25 * random.nextGaussian() + Math.sqrt(vi[i]) * random.nextGaussian();
        }
        yi[7] = 2.5; // one outlier whose omission moves tau^2 far
        RandomEffectsModel model = RandomEffectsModel.of(estimator).withTest(InferenceTest.KNHA);
        List<MetaAnalysisResult> warm = LeaveOneOut.fit(model, yi, vi);
        List<StudyInfluence> influence = InfluenceDiagnostics.fit(model, yi, vi);
        double[] y = new double[k - 1];
        double[] v = new double[k - 1];
        for (int i = 0; i < k; i++) {
            Sensitivity.omit(yi, vi, i, y, v);
            MetaAnalysisResult cold = model.fit(y, v); // metafor's start, max(0, HE)
            assertClose(cold.tau2(), warm.get(i).tau2(), estimator + " tau2 without " + i);
            assertClose(cold.estimate(), warm.get(i).estimate(), estimator + " estimate without " + i);
            assertClose(cold.se(), warm.get(i).se(), estimator + " se without " + i);
            assertClose(cold.tau2(), influence.get(i).tau2Deleted(), estimator + " influence tau2 without " + i);
        }
    }
}
