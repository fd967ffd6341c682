package org.alliancelab.meta.bias;

import java.util.Objects;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;

/**
 * PET-PEESE (Stanley &amp; Doucouliagos): two meta-regressions whose intercepts estimate the
 * effect of a study with no sampling error, in metafor's terms
 * <ul>
 *   <li>PET, the precision-effect test: {@code rma(yi, vi, mods = ~ sqrt(vi))},
 *       y<sub>i</sub> = &beta;<sub>0</sub> + &beta;<sub>1</sub> SE<sub>i</sub> + u<sub>i</sub> + e<sub>i</sub>
 *       (Egger's regression; &beta;<sub>0</sub> = 0 is the test of a genuine effect);</li>
 *   <li>PEESE, the precision-effect estimate with standard error: {@code rma(yi, vi, mods = ~ vi)},
 *       y<sub>i</sub> = &beta;<sub>0</sub> + &beta;<sub>1</sub> v<sub>i</sub> + u<sub>i</sub> + e<sub>i</sub>;</li>
 *   <li>the conditional estimator: PEESE's intercept when PET rejects &beta;<sub>0</sub> = 0
 *       (two-sided p &lt; &alpha;), otherwise PET's, because PET's intercept is biased
 *       downwards when there is a genuine effect.</li>
 * </ul>
 * Both regressions use the given meta-regression settings (by default metafor's: REML, z tests);
 * Stanley and Doucouliagos' original fixed-effect weighted least squares with a multiplicative
 * dispersion is not metafor's {@code rma} and is not offered. The two-sided rule at &alpha; = .05 is
 * the default; &alpha; = .10 gives the one-sided 5% test for an effect in either direction.
 *
 * <p>Reference: Stanley, T. D. &amp; Doucouliagos, H. (2014). Meta-regression approximations to
 * reduce publication selection bias. <i>Research Synthesis Methods</i>, 5, 60-78.
 * doi:10.1002/jrsm.1095
 */
public final class PetPeese {

    /** Default significance level of PET's test of the intercept. */
    public static final double DEFAULT_ALPHA = 0.05;

    private final MetaRegression model;
    private final double alpha;

    private PetPeese(MetaRegression model, double alpha) {
        this.model = model;
        this.alpha = alpha;
    }

    /** @return PET-PEESE with metafor's default meta-regression (REML, z tests) and &alpha; = .05 */
    public static PetPeese standard() {
        return new PetPeese(MetaRegression.of(TauSquaredEstimator.REML), DEFAULT_ALPHA);
    }

    /**
     * @param model the meta-regression settings of both regressions
     * @return PET-PEESE with them and &alpha; = .05
     */
    public static PetPeese of(MetaRegression model) {
        return new PetPeese(Objects.requireNonNull(model, "model"), DEFAULT_ALPHA);
    }

    /**
     * @param newAlpha significance level of PET's two-sided test of the intercept, in (0, 1)
     * @return a copy with it
     */
    public PetPeese withAlpha(double newAlpha) {
        if (!(newAlpha > 0 && newAlpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + newAlpha);
        }
        return new PetPeese(model, newAlpha);
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @return both regressions and the conditional choice
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException with fewer than 3 studies
     * @throws org.alliancelab.meta.regression.InvalidModeratorException when all sampling
     *     variances are equal (the predictors are then collinear with the intercept)
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when an iterative estimator
     *     of tau<sup>2</sup> does not converge
     */
    public PetPeeseResult fit(double[] yi, double[] vi) {
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        int k = yi.length;
        var pet = model.fit(yi, vi, DesignMatrix.builder(k).continuous("sqrt(vi)", sei).build());
        var peese = model.fit(yi, vi, DesignMatrix.builder(k).continuous("vi", vi.clone()).build());
        PetPeeseResult.Choice chosen = pet.coefficients().get(0).pValue() < alpha
            ? PetPeeseResult.Choice.PEESE : PetPeeseResult.Choice.PET;
        return new PetPeeseResult(pet, peese, alpha, chosen);
    }
}
