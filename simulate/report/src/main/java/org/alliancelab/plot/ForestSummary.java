package org.alliancelab.plot;

import java.util.Objects;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * The pooled row of a forest plot (the diamond), its prediction interval and the heterogeneity
 * line beneath it, on the analysis scale.
 *
 * @param estimate pooled estimate (centre of the diamond)
 * @param ciLower lower confidence bound (left tip of the diamond)
 * @param ciUpper upper confidence bound (right tip)
 * @param piLower lower prediction bound, NaN when there is none (common-effect model)
 * @param piUpper upper prediction bound, NaN when there is none
 * @param estimator the tau-squared estimator ({@link TauSquaredEstimator#EE}: common effect)
 * @param tau2 between-study variance estimate
 * @param i2 I<sup>2</sup> in percent
 * @param q Cochran's Q
 * @param df degrees of freedom of Q, k - 1
 * @param qP p-value of Q
 */
public record ForestSummary(
    double estimate, double ciLower, double ciUpper, double piLower, double piUpper,
    TauSquaredEstimator estimator, double tau2, double i2, double q, int df, double qP) {

    /** @throws IllegalArgumentException when the confidence interval is not finite or misses the estimate */
    public ForestSummary {
        Objects.requireNonNull(estimator, "estimator");
        if (!Double.isFinite(estimate) || !(ciLower <= estimate && estimate <= ciUpper)
            || !Double.isFinite(ciLower) || !Double.isFinite(ciUpper)) {
            throw new IllegalArgumentException("pooled estimate " + estimate
                + " must be finite and inside its interval [" + ciLower + ", " + ciUpper + "]");
        }
    }

    /**
     * @param fit a fitted random-effects (or common-effect) model
     * @return its pooled row
     */
    public static ForestSummary of(MetaAnalysisResult fit) {
        return new ForestSummary(fit.estimate(), fit.ciLower(), fit.ciUpper(), fit.piLower(),
            fit.piUpper(), fit.estimator(), fit.tau2(), fit.i2(), fit.qe(), fit.k() - 1, fit.qeP());
    }

    /** @return whether a prediction interval is available */
    public boolean hasPredictionInterval() {
        return Double.isFinite(piLower) && Double.isFinite(piUpper);
    }
}
