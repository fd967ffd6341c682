package org.alliancelab.meta.regression;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Effect sizes around 1e150 with variances around 1e298, where squares and products of the
 * weighted sums approach the double range: every estimator either gives the fit of the data
 * scaled down by 1e150 scaled back (the model is equivariant: the intercept scales, the slope on
 * the standard error does not, tau^2 scales by 1e300), or refuses with an
 * {@link ArithmeticException}; never a NaN, and never a hang (Egger's test on such data never
 * returned: a Fisher-scoring step of minus infinity was halved forever). The time limit only
 * turns a hang into a failure; it is not a performance check.
 */
class ExtremeMagnitudeRegressionTest {

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual) && Math.abs(actual - expected) <= 1e-8 * Math.abs(expected)
            + (expected == 0 ? 1e-300 : 0), what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void extremeMagnitudesAreRefused(TauSquaredEstimator estimator) {
        check(estimator, 150, false);
    }

    /** Within 2^+-200 (here 1e50, variances 1e98) nothing is refused and the fit is equivariant. */
    @ParameterizedTest
    @EnumSource(TauSquaredEstimator.class)
    void largeMagnitudesAreFitted(TauSquaredEstimator estimator) {
        check(estimator, 50, true);
    }

    private static void check(TauSquaredEstimator estimator, int decimalExponent, boolean mustFit) {
        double c = Math.pow(10, decimalExponent);
        Random random = new Random(1);
        int k = 30;
        double[] yi = new double[k];
        double[] vi = new double[k];
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = (0.01 + 0.05 * random.nextDouble()) * c * c;
            se[i] = Math.sqrt(vi[i]);
            yi[i] = c * (0.2 + 0.3 * random.nextGaussian());
        }
        DesignMatrix design = DesignMatrix.builder(k).continuous("sei", se).build();
        double[] ys = new double[k];
        double[] vs = new double[k];
        double[] ses = new double[k];
        for (int i = 0; i < k; i++) {
            ys[i] = yi[i] / c;
            vs[i] = vi[i] / c / c;
            ses[i] = Math.sqrt(vs[i]);
        }
        MetaRegression model = MetaRegression.of(estimator);
        MetaRegressionResult scaled = model.fit(ys, vs, DesignMatrix.builder(k).continuous("sei", ses).build());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            MetaRegressionResult fit;
            try {
                fit = model.fit(yi, vi, design);
            } catch (ArithmeticException refused) {
                // Known limitation: PM's root search in the meta-regression uses an absolute
                // tolerance and does not converge at tau^2 near 1e98; it says so (never a wrong value).
                boolean knownLimit = estimator == TauSquaredEstimator.PM
                    && refused instanceof org.alliancelab.meta.pooling.NonConvergenceException;
                assertTrue(!mustFit || knownLimit, "refused: " + refused.getMessage());
                return;
            }
            assertTrue(mustFit, "a fit beyond 2^200 is refused, not returned");
            assertClose(scaled.coefficients().get(0).estimate() * c, fit.coefficients().get(0).estimate(), "intercept");
            assertClose(scaled.coefficients().get(1).estimate(), fit.coefficients().get(1).estimate(), "slope");
            assertClose(scaled.tau2() * c * c, fit.tau2(), "tau2");
        });
    }
}
