package org.alliancelab.meta.bias;

/**
 * Begg and Mazumdar's rank correlation test.
 *
 * @param tau Kendall's tau-b between the standardized deviates and the sampling variances
 * @param pValue two-sided p-value
 * @param exact whether the p-value is from the exact permutation distribution (no ties);
 *     otherwise from the normal approximation with the ties-corrected variance
 */
public record RankCorrelationResult(double tau, double pValue, boolean exact) {
}
