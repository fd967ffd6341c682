package org.alliancelab.meta.regression;

/**
 * The small-sample correction of a cluster-robust (sandwich) variance estimator.
 *
 * @see ClusterRobustInference
 */
public enum SandwichEstimator {
    /**
     * The plain sandwich times m / (m - p) (m clusters, p coefficients), with t tests on m - p
     * degrees of freedom: {@code metafor::robust(fit, cluster, adjust = TRUE)}.
     */
    CR1,
    /**
     * The bias-reduced linearization estimator with Satterthwaite degrees of freedom (Bell &amp;
     * McCaffrey 2002; Tipton 2015, doi:10.1037/met0000011; Pustejovsky &amp; Tipton 2018,
     * doi:10.1080/07350015.2016.1247004): {@code clubSandwich::coef_test(fit, vcov = "CR2",
     * test = "Satterthwaite")}, as {@code metafor::robust(fit, cluster, clubSandwich = TRUE)}.
     */
    CR2
}
