package org.alliancelab.meta.sensitivity;

/**
 * The parametric sensitivity analysis of a meta-analysis for unmeasured confounding
 * ({@link ConfoundedMetaAnalysis}), on the log risk ratio scale.
 *
 * @param direction the direction of the pooled effect, which decides the tail
 * @param mu the pooled log risk ratio
 * @param tau the standard deviation of the true log risk ratios
 * @param q the threshold of a meaningful true effect, log risk ratio
 * @param bias the bias factor B (risk ratio scale, &ge; 1) removed from every true effect
 * @param threshold r, the proportion to which T_min and G_min reduce the meaningful effects
 * @param proportion the proportion of true effects beyond q (above for an apparently causative
 *     effect, below for a preventive one) once the bias B is removed
 * @param tMin the smallest bias factor (risk ratio scale) that brings the proportion beyond q
 *     below r; 1 when it already is
 * @param gMin the smallest confounding strength (the risk ratio of the confounder with exposure
 *     and with outcome, both equal) that does so, G = T + sqrt(T (T - 1)); 1 when T_min = 1
 */
public record ConfoundedMetaAnalysisResult(
    EffectDirection direction,
    double mu,
    double tau,
    double q,
    double bias,
    double threshold,
    double proportion,
    double tMin,
    double gMin) {
}
