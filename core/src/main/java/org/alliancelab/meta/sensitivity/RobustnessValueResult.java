package org.alliancelab.meta.sensitivity;

/**
 * Robustness values of one estimate ({@link RobustnessValue}).
 *
 * @param t the t statistic of the exposure's coefficient
 * @param df the residual degrees of freedom (effective ones for a pooled value; NaN when the
 *     pooled correlation is 0)
 * @param partialR2 R<sup>2</sup><sub>Y~D|X</sub>, the partial R<sup>2</sup> of the exposure with the outcome
 * @param partialF the partial Cohen's f = |t| / sqrt(df)
 * @param q the fraction of the estimate the confounding removes
 * @param alpha the significance level of {@code rvQAlpha}
 * @param rvQ RV<sub>q</sub>
 * @param rvQAlpha RV<sub>q,&alpha;</sub>; NaN when df &le; 1
 */
public record RobustnessValueResult(
    double t,
    double df,
    double partialR2,
    double partialF,
    double q,
    double alpha,
    double rvQ,
    double rvQAlpha) {
}
