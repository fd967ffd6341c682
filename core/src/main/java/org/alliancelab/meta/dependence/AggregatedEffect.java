package org.alliancelab.meta.dependence;

/**
 * One cluster's aggregated effect size.
 *
 * @param cluster the cluster (e.g. study) identifier
 * @param yi aggregated effect size
 * @param vi its sampling variance
 * @param effects number m of effect sizes aggregated
 */
public record AggregatedEffect(String cluster, double yi, double vi, int effects) {
}
