package org.alliancelab.meta.regression;

/**
 * One meta-regression coefficient with its inference.
 *
 * @param name column name of the design matrix, e.g. {@code intrcpt}, {@code meanage},
 *     {@code factor(controls)none}
 * @param estimate b<sub>j</sub>
 * @param se its standard error sqrt([(X'WX)<sup>-1</sup>]<sub>jj</sub>) (times s for
 *     Knapp-Hartung)
 * @param statistic b<sub>j</sub>/SE (z, or t with k - p df for Knapp-Hartung)
 * @param pValue two-sided p-value
 * @param ciLower lower confidence bound
 * @param ciUpper upper confidence bound
 */
public record Coefficient(String name, double estimate, double se, double statistic, double pValue,
                          double ciLower, double ciUpper) {
}
