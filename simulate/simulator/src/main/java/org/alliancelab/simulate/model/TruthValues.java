package org.alliancelab.simulate.model;

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
}
