package org.alliancelab.simulate.model;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.alliancelab.meta.effectsize.Correlations;

/**
 * Population values of the estimands of one study condition, computed exactly from the
 * structural model by covariance algebra (no simulation).
 *
 * @param unadjusted correlation of observed exposure and observed outcome
 * @param adjusted partial correlation of observed exposure and outcome given the observed
 *     adjustment set
 * @param adjustedLatent the same partial correlation given the error-free covariates
 * @param causal correlation of observed exposure and outcome in the mutilated model do(exposure)
 * @param totalEffect standardized total causal effect of the exposure on the outcome
 * @param directEffect standardized direct effect (the path coefficient exposure to outcome)
 */
public record TruthValues(
    double unadjusted,
    double adjusted,
    double adjustedLatent,
    double causal,
    double totalEffect,
    double directEffect) {

    /**
     * The population values of a mixture of study populations (moderator cells): the weighted
     * mean of the correlations on the Fisher-z scale, back-transformed (what random-effects
     * pooling of Fisher z estimates, ignoring the weights), and of the effects linearly.
     *
     * @param values the components' values
     * @param weight weight of component i; components with a weight that is not positive are
     *     left out
     * @return the mixture's values, NaN everywhere when no weight is positive
     */
    public static TruthValues mixture(List<TruthValues> values, IntToDoubleFunction weight) {
        double w = 0;
        double[] sum = new double[6];
        for (int i = 0; i < values.size(); i++) {
            double wi = weight.applyAsDouble(i);
            if (!(wi > 0)) {
                continue;
            }
            TruthValues t = values.get(i);
            w += wi;
            sum[0] += wi * Correlations.toFisherZ(t.unadjusted());
            sum[1] += wi * Correlations.toFisherZ(t.adjusted());
            sum[2] += wi * Correlations.toFisherZ(t.adjustedLatent());
            sum[3] += wi * Correlations.toFisherZ(t.causal());
            sum[4] += wi * t.totalEffect();
            sum[5] += wi * t.directEffect();
        }
        return new TruthValues(Math.tanh(sum[0] / w), Math.tanh(sum[1] / w), Math.tanh(sum[2] / w),
            Math.tanh(sum[3] / w), sum[4] / w, sum[5] / w);
    }
}
