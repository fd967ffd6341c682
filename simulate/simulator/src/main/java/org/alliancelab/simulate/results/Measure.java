package org.alliancelab.simulate.results;

/**
 * One performance measure of one analysis in one condition, with its Monte Carlo standard
 * error.
 *
 * @param analysis the analysis, e.g. {@code unadjusted_all}
 * @param measure the measure, e.g. {@code bias}, {@code coverage}, {@code rejection_rate}
 * @param estimand the estimand the measure refers to (e.g. {@code causal}), or the empty string
 *     when the measure involves no estimand
 * @param value the estimate of the measure, NaN when it is not defined (too few replications)
 * @param mcse its Monte Carlo standard error, NaN when none is defined
 * @param replications the number of replications the measure is based on
 */
public record Measure(String analysis, String measure, String estimand, double value, double mcse, long replications) {
}
