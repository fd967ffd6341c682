package org.alliancelab.meta.dependence;

/**
 * One cluster's composite correlation.
 *
 * @param cluster the cluster (e.g. study) identifier
 * @param r the composite correlation
 * @param n the mean sample size of the cluster's correlations, rounded half to even (R's round)
 * @param correlations number m of correlations combined
 */
public record AggregatedCorrelation(String cluster, double r, int n, int correlations) {
}
