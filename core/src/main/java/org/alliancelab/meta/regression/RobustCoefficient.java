package org.alliancelab.meta.regression;

/**
 * One coefficient with cluster-robust inference.
 *
 * @param name column name of the design matrix
 * @param estimate the working model's weighted least-squares estimate b<sub>j</sub>
 * @param se the cluster-robust standard error
 * @param statistic b<sub>j</sub> / SE, referred to Student's t on {@code df}
 * @param df degrees of freedom: m - p for CR1, Satterthwaite's for CR2 (not an integer)
 * @param pValue two-sided p value
 * @param ciLower lower confidence bound b - t<sub>df</sub> SE
 * @param ciUpper upper confidence bound
 */
public record RobustCoefficient(String name, double estimate, double se, double statistic, double df,
                                double pValue, double ciLower, double ciUpper) {
}
