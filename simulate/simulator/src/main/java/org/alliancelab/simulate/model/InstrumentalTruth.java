package org.alliancelab.simulate.model;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Population values of an encouragement (instrumental-variable) trial: what the per-study Wald
 * estimate {@code cov(Z, Y) / cov(Z, X)} of the observed instrument Z, exposure X and outcome Y
 * estimates, and the causal effect it is meant to estimate, on the same scale. Exact covariance
 * algebra at the model's (mean) coefficients.
 *
 * <p>Z is randomized (no parents, variance 1), so its latent covariance with a node is its total
 * effect on that node: {@code Sigma_zY = TE(Z -> Y)}, {@code Sigma_zX = TE(Z -> X)}. With the
 * measurement model {@code X_obs = sqrt(rel_x) X + e}, the estimand is
 * {@code sqrt(rel_y / rel_x) TE(Z -> Y) / TE(Z -> X)}
 * {@code = sqrt(rel_y / rel_x) (b + TE(Z -> Y avoiding X) / TE(Z -> X))}, b the standardized total
 * effect of X on Y: the causal effect b (rescaled) when Z affects Y only through X (exclusion
 * restriction), plus the effect of Z on Y along every directed path that avoids X (a direct path,
 * or a path through a confounder of X and Y) divided by the first stage.
 *
 * <p>Scale: the causal effect is {@code b sqrt(rel_y / rel_x)}, the change in the observed outcome
 * (in its SDs) per observed-SD unit of the true alliance score (the part of the observed
 * alliance measure that is not error). Classical error in X does not bias the IV estimate for
 * this effect (the error is uncorrelated with Z); it changes the unit. On the latent
 * standardized scale of the model the effect is b itself: divide by {@code sqrt(rel_y / rel_x)}.
 *
 * <p>Edge case: a randomized node with no directed path to the exposure has no first stage; the
 * estimand is then NaN (not 0/0 or +-infinity), printed NA, and so are the bias and coverage
 * against it.
 *
 * @param estimand the population Wald ratio of the observed covariances
 * @param causalEffect the causal effect of the exposure on the outcome on the same scale,
 *     {@code b sqrt(rel_y / rel_x)}
 * @param firstStageCorrelation the population correlation of Z and the observed exposure (the
 *     first stage: a study of n has F about {@code n rho^2 / (1 - rho^2)})
 */
public record InstrumentalTruth(double estimand, double causalEffect, double firstStageCorrelation) {

    /**
     * @param model a model with a randomized node
     * @return its values at the mean coefficients
     * @throws IllegalArgumentException when the model has no randomized node
     */
    public static InstrumentalTruth of(StructuralModel model) {
        int z = model.instrument();
        if (z < 0) {
            throw new IllegalArgumentException("the model has no randomized node");
        }
        int k = model.nodes().size();
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        model.latentCovariance(model.coefficients(), psi, sigma);
        double[] rel = model.reliabilities();
        int x = model.exposure();
        int y = model.outcome();
        double scale = Math.sqrt(rel[y] / rel[x]);
        double zx = Math.sqrt(rel[x]) * sigma[z][x];
        double zy = Math.sqrt(rel[y]) * sigma[z][y];
        // no first stage: the ratio is undefined whatever Z does to Y (not an infinite effect)
        return new InstrumentalTruth(zx == 0 ? Double.NaN : zy / zx, scale * model.truth().totalEffect(), zx);
    }

    /**
     * The values of a mixture of study populations (moderator cells), averaged linearly.
     *
     * @param values the components' values
     * @param weight weight of component i (non-positive weights left out)
     * @return the weighted means
     */
    public static InstrumentalTruth mixture(List<InstrumentalTruth> values, IntToDoubleFunction weight) {
        double w = 0;
        double e = 0;
        double c = 0;
        double f = 0;
        for (int i = 0; i < values.size(); i++) {
            double wi = weight.applyAsDouble(i);
            if (wi > 0) {
                w += wi;
                e += wi * values.get(i).estimand();
                c += wi * values.get(i).causalEffect();
                f += wi * values.get(i).firstStageCorrelation();
            }
        }
        return new InstrumentalTruth(e / w, c / w, f / w);
    }
}
