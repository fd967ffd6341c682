package org.alliancelab.meta.bias;

/**
 * Egger's regression test for funnel-plot asymmetry.
 *
 * @param statistic test statistic of the standard-error coefficient (metafor's {@code zval}; a t
 *     value with k - 2 df under Knapp-Hartung)
 * @param pValue its two-sided p-value
 * @param limitEstimate the intercept: the estimated effect of a study with standard error 0
 *     (metafor's {@code est}, the "limit estimate")
 * @param limitCiLower lower confidence bound of the limit estimate
 * @param limitCiUpper upper confidence bound of the limit estimate
 * @param tau2 residual tau<sup>2</sup> of the meta-regression
 * @param slope &beta;<sub>1</sub>, the coefficient of the standard error (the change in the
 *     expected effect per unit of SE; with the intercept it gives Egger's line
 *     y = &beta;<sub>0</sub> + &beta;<sub>1</sub> SE drawn in a funnel plot); {@code statistic}
 *     is {@code slope / slopeSe}
 * @param slopeSe standard error of the slope (the Knapp-Hartung one under that test)
 */
public record EggerResult(double statistic, double pValue, double limitEstimate, double limitCiLower,
                          double limitCiUpper, double tau2, double slope, double slopeSe) {
}
