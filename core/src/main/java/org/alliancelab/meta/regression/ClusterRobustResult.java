package org.alliancelab.meta.regression;

import java.util.List;

/**
 * Cluster-robust inference on a meta-regression's coefficients.
 *
 * @param estimator the small-sample correction
 * @param clusters number of clusters m
 * @param level confidence level of the intervals
 * @param coefficients one per design column, in design order
 */
public record ClusterRobustResult(SandwichEstimator estimator, int clusters, double level,
                                  List<RobustCoefficient> coefficients) {
    /**
     * Copies the list.
     *
     * @param estimator the small-sample correction
     * @param clusters number of clusters m
     * @param level confidence level of the intervals
     * @param coefficients one per design column, in design order
     */
    public ClusterRobustResult {
        coefficients = List.copyOf(coefficients);
    }

    /**
     * @param name a design column name
     * @return its coefficient
     * @throws IllegalArgumentException when there is no such column
     */
    public RobustCoefficient coefficient(String name) {
        for (RobustCoefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no coefficient '" + name + "'");
    }
}
