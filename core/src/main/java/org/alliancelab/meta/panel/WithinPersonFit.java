package org.alliancelab.meta.panel;

/**
 * The within-person lagged effect of one study: the random-intercept model
 * y_i,t+1 = b0 + b1 (x_it - xbar_i) + b2 (y_it - ybar_i) + u_i + e_it fitted by REML.
 *
 * @param intercept b0
 * @param interceptSe its standard error
 * @param exposure b1, the within-person lagged effect of x
 * @param exposureSe its standard error
 * @param carryOver b2, the within-person autoregressive effect
 * @param carryOverSe its standard error
 * @param tau2 REML variance of the random intercept u_i
 * @param sigma2 REML residual variance
 * @param boundary whether the REML estimate of tau2 is at its bound 0
 */
public record WithinPersonFit(double intercept, double interceptSe, double exposure, double exposureSe,
                              double carryOver, double carryOverSe, double tau2, double sigma2,
                              boolean boundary) {
}
