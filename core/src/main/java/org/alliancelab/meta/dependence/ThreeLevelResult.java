package org.alliancelab.meta.dependence;

/**
 * The result of a three-level random-effects meta-analysis.
 *
 * @param k number of effect sizes
 * @param studies number of studies (level 3)
 * @param samples number of samples within studies (level 2)
 * @param estimate pooled effect &mu;&#x0302; = 1'V<sup>-1</sup>y / 1'V<sup>-1</sup>1
 * @param se its standard error 1/sqrt(1'V<sup>-1</sup>1)
 * @param statistic z = &mu;&#x0302;/SE
 * @param pValue two-sided p-value against the standard normal
 * @param ciLower lower confidence bound
 * @param ciUpper upper confidence bound
 * @param sigma2Studies variance between studies &sigma;<sup>2</sup><sub>1</sub> (metafor's
 *     {@code sigma2[1]})
 * @param sigma2Samples variance between samples within studies &sigma;<sup>2</sup><sub>2</sub>
 *     ({@code sigma2[2]})
 * @param qe Cochran's Q of all k effects (weights 1/v), chi-squared with k - 1 df
 * @param qeP its p-value
 * @param logLikelihood restricted log-likelihood at the estimate, with metafor's constants
 * @param iterations Fisher scoring iterations
 */
public record ThreeLevelResult(int k, int studies, int samples, double estimate, double se, double statistic,
                               double pValue, double ciLower, double ciUpper, double sigma2Studies,
                               double sigma2Samples, double qe, double qeP, double logLikelihood, int iterations) {
}
