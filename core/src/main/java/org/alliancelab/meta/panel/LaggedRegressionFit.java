package org.alliancelab.meta.panel;

/**
 * The naive pooled lagged regression y_t+1 = b0 + b_x x_t + b_y y_t + e of one study.
 *
 * @param intercept b0
 * @param interceptSe its standard error
 * @param exposure b_x, the lagged effect of x
 * @param exposureSe its standard error
 * @param carryOver b_y, the autoregressive effect
 * @param carryOverSe its standard error
 * @param sigma2 residual variance RSS / df
 * @param df residual degrees of freedom n m - 3
 */
public record LaggedRegressionFit(double intercept, double interceptSe, double exposure, double exposureSe,
                                  double carryOver, double carryOverSe, double sigma2, int df) {
}
