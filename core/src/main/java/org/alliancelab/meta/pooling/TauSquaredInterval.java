package org.alliancelab.meta.pooling;

/**
 * A confidence interval for tau<sup>2</sup>.
 *
 * @param lower lower bound (0 when the whole interval lies at the boundary)
 * @param upper upper bound; equal to the search limit when the bound lies beyond it
 * @param upperTruncated whether the upper bound is the search limit rather than a root
 */
public record TauSquaredInterval(double lower, double upper, boolean upperTruncated) {
}
