package org.alliancelab.meta.comparison;

/**
 * A Wald-type test of the difference between two pooled estimates.
 *
 * @param difference d = &mu;&#x0302;<sub>A</sub> - &mu;&#x0302;<sub>B</sub>
 * @param se standard error of d
 * @param statistic z = d / se
 * @param pValue two-sided p-value of the test of d = 0 against the standard normal distribution
 * @param ciLower lower confidence bound d - z<sub>1-&alpha;/2</sub> se
 * @param ciUpper upper confidence bound d + z<sub>1-&alpha;/2</sub> se
 */
public record DifferenceTest(double difference, double se, double statistic, double pValue,
                             double ciLower, double ciUpper) {
}
