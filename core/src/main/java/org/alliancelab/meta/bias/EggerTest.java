package org.alliancelab.meta.bias;

import java.util.Objects;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;
import org.alliancelab.meta.regression.MetaRegressionResult;

/**
 * Egger's regression test in the mixed-effects form that metafor's {@code regtest} uses by
 * default: the meta-regression y<sub>i</sub> = &beta;<sub>0</sub> + &beta;<sub>1</sub>
 * sqrt(v<sub>i</sub>) + u<sub>i</sub> + e<sub>i</sub> is fitted, and &beta;<sub>1</sub> = 0 is tested
 * (no association between effect size and standard error, i.e. a symmetric funnel). The
 * intercept &beta;<sub>0</sub> is the "limit estimate" for an infinitely precise study.
 *
 * <p>References: Egger, M., Davey Smith, G., Schneider, M. &amp; Minder, C. (1997). Bias in
 * meta-analysis detected by a simple, graphical test. <i>BMJ</i>, 315, 629-634.
 * doi:10.1136/bmj.315.7109.629; Sterne, J. A. C. &amp; Egger, M. (2005), Regression methods to
 * detect publication and other bias in meta-analysis, in <i>Publication Bias in
 * Meta-Analysis</i>, 99-110. doi:10.1002/0470870168.ch6
 */
public final class EggerTest {

    private final MetaRegression model;

    private EggerTest(MetaRegression model) {
        this.model = model;
    }

    /** @return the test as metafor's default: REML, z test */
    public static EggerTest standard() {
        return new EggerTest(MetaRegression.of(TauSquaredEstimator.REML));
    }

    /**
     * @param model the meta-regression settings (estimator, test, level, convergence)
     * @return the test using that model
     */
    public static EggerTest of(MetaRegression model) {
        return new EggerTest(Objects.requireNonNull(model, "model"));
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @return the test of the standard-error coefficient and the limit estimate
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException with fewer than 3 studies
     * @throws org.alliancelab.meta.regression.InvalidModeratorException when all standard
     *     errors are equal (the predictor is then collinear with the intercept)
     */
    public EggerResult test(double[] yi, double[] vi) {
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        MetaRegressionResult r = model.fit(yi, vi,
            DesignMatrix.builder(yi.length).continuous("sei", sei).build());
        Coefficient b0 = r.coefficients().get(0);
        Coefficient b1 = r.coefficients().get(1);
        return new EggerResult(b1.statistic(), b1.pValue(), b0.estimate(), b0.ciLower(), b0.ciUpper(), r.tau2(),
            b1.estimate(), b1.se());
    }
}
