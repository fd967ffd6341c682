package org.alliancelab.meta.bias;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;
import org.junit.jupiter.api.Test;

/**
 * What a funnel plot needs from the bias diagnostics beyond metafor's printed numbers: the
 * slope of Egger's line ({@link EggerResult#slope()}) and the sampling variances of the
 * trim-and-fill studies ({@link TrimAndFillResult#filledVi()}).
 */
class FunnelPlotInputsTest {

    private static double[] sei(double[] vi) {
        return Arrays.stream(vi).map(Math::sqrt).toArray();
    }

    @Test
    void eggerSlopeIsTheStandardErrorCoefficientOfTheMetaRegression() {
        GoldenCases g = GoldenCases.load("molloy2014.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        MetaRegression model = MetaRegression.of(TauSquaredEstimator.REML).withConvergence(1e-12, 10000);
        EggerResult egger = EggerTest.of(model).test(yi, vi);
        Coefficient b1 = model.fit(yi, vi, DesignMatrix.builder(yi.length).continuous("sei", sei(vi)).build())
            .coefficients().get(1);
        assertEquals(b1.estimate(), egger.slope(), 1e-15);
        assertEquals(b1.se(), egger.slopeSe(), 1e-15);
        // slope / SE is metafor's regtest zval (metafor 3.8-1, golden/molloy2014.json, kind egger)
        JsonNode expected = g.cases("egger").get(0).get("expected");
        assertClose("slope / slopeSe", expected.get("zval").asDouble(), egger.slope() / egger.slopeSe(), 1e-6, 1e-12);
    }

    @Test
    void eggerSlopeOfTheCommonEffectModelIsTheWeightedLeastSquaresSlope() {
        // Common-effect Egger regression by hand: weights w = 1/v, x = sqrt(v);
        // slope = sum w (x - xw)(y - yw) / sum w (x - xw)^2, SE = 1 / sqrt(sum w (x - xw)^2).
        GoldenCases g = GoldenCases.load("cohen1981.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        double[] x = sei(vi);
        double sw = 0;
        double swx = 0;
        double swy = 0;
        for (int i = 0; i < yi.length; i++) {
            sw += 1 / vi[i];
            swx += x[i] / vi[i];
            swy += yi[i] / vi[i];
        }
        double xw = swx / sw;
        double yw = swy / sw;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < yi.length; i++) {
            sxy += (x[i] - xw) * (yi[i] - yw) / vi[i];
            sxx += (x[i] - xw) * (x[i] - xw) / vi[i];
        }
        EggerResult egger = EggerTest.of(MetaRegression.of(TauSquaredEstimator.EE)).test(yi, vi);
        assertEquals(sxy / sxx, egger.slope(), 1e-10);
        assertEquals(1 / Math.sqrt(sxx), egger.slopeSe(), 1e-10);
        assertEquals(yw - sxy / sxx * xw, egger.limitEstimate(), 1e-10);
    }

    @Test
    void filledStudiesKeepTheVariancesOfTheStudiesTheyMirror() {
        GoldenCases g = GoldenCases.load("molloy2014.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        RandomEffectsModel reml = RandomEffectsModel.of(TauSquaredEstimator.REML);
        TrimAndFillResult tf = TrimAndFill.of(reml).matchingMetafor().fit(yi, vi);
        int k = yi.length;
        int k0 = tf.k0();
        // metafor 3.8-1 trimfill(res) with L0: k0 = 2 on the left (golden/molloy2014.json, kind trimfill)
        JsonNode expected = g.cases("trimfill").get(0).get("expected");
        assertEquals(expected.get("k0").asInt(), k0);
        assertEquals(FunnelSide.LEFT, tf.side());
        // On the left side the k0 largest effects are trimmed and mirrored, in ascending order.
        int[] ascending = IntStream.range(0, k).boxed()
            .sorted(Comparator.comparingDouble(i -> yi[i])).mapToInt(Integer::intValue).toArray();
        double[] filledYi = tf.filledYi();
        double[] filledVi = tf.filledVi();
        assertEquals(k0, filledVi.length);
        double twiceBeta = filledYi[0] + yi[ascending[k - k0]];
        for (int j = 0; j < k0; j++) {
            int mirrored = ascending[k - k0 + j];
            assertEquals(vi[mirrored], filledVi[j], 0.0, "variance of the mirror image of study " + mirrored);
            // each filled effect is a mirror image about the same centre
            assertEquals(twiceBeta, filledYi[j] + yi[mirrored], 1e-12);
        }
        // Pooling observed + filled with these variances gives metafor's trim-and-fill estimate.
        double[] allY = concat(yi, filledYi);
        double[] allV = concat(vi, filledVi);
        double estimate = reml.withConvergence(TrimAndFill.METAFOR_DEFAULT_THRESHOLD,
            TrimAndFill.METAFOR_DEFAULT_MAX_ITERATIONS).fit(allY, allV).estimate();
        assertEquals(tf.filled().estimate(), estimate, 1e-14);
        assertClose("trimfill estimate", expected.get("estimate").asDouble(), estimate, 1e-6, 1e-12);
    }

    @Test
    void filledVariancesDoNotDependOnTheSide() {
        // Negating every effect moves the filled studies to the other side with the same variances.
        GoldenCases g = GoldenCases.load("cohen1981.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        double[] negated = Arrays.stream(yi).map(y -> -y).toArray();
        TrimAndFill tf = TrimAndFill.of(RandomEffectsModel.of(TauSquaredEstimator.REML));
        TrimAndFillResult left = tf.fit(yi, vi);
        TrimAndFillResult right = tf.fit(negated, vi);
        assertTrue(left.k0() > 0, "cohen1981 has missing studies on the left");
        assertEquals(FunnelSide.RIGHT, right.side());
        assertArrayEquals(left.filledVi(), right.filledVi(), 0.0);
        assertEquals(left.k0(), right.filledVi().length);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
