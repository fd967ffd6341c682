package org.alliancelab.meta.bias;

/**
 * One interval of a step-function selection model: the p-values (lower, upper] and the
 * estimated relative likelihood that a study whose p-value falls there is observed, against the
 * first interval (whose weight is 1 by definition).
 *
 * @param lower lower end of the p-value interval (exclusive; 0 for the first)
 * @param upper upper end (inclusive; 1 for the last)
 * @param k number of studies whose p-value falls in the interval
 * @param weight &delta;<sub>j</sub>, the selection weight (metafor's {@code delta}); 1 for the first interval
 * @param se its standard error from the observed information (NaN for the first interval and when
 *     the information matrix is not positive definite)
 * @param statistic z = (&delta;<sub>j</sub> - 1)/SE, the test of no selection relative to the
 *     first interval (metafor's {@code zval.delta})
 * @param pValue its two-sided p-value
 * @param ciLower lower Wald bound &delta;<sub>j</sub> - c SE, at least 0
 * @param ciUpper upper Wald bound &delta;<sub>j</sub> + c SE
 * @param atBound whether the estimate is at the upper bound of the weights
 *     ({@link SelectionModel#MAX_WEIGHT}, metafor's {@code delta.max}): the data favour this
 *     interval more than the bound allows, and the estimate is the bound
 */
public record SelectionWeight(double lower, double upper, int k, double weight, double se, double statistic,
                              double pValue, double ciLower, double ciUpper, boolean atBound) {
}
