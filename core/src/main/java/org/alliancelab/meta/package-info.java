/**
 * alliance-lab core: random-effects meta-analysis of correlation coefficients.
 *
 * <ul>
 *   <li>{@link org.alliancelab.meta.effectsize}: effect sizes (r, Fisher z, partial r) and their
 *       sampling variances;</li>
 *   <li>{@link org.alliancelab.meta.pooling}: common-effect and random-effects pooling with the
 *       standard tau-squared estimators, Wald and Knapp-Hartung inference, heterogeneity
 *       statistics, prediction intervals and the Q-profile interval for tau-squared.</li>
 * </ul>
 *
 * <p>The numerical conventions follow R's metafor package (Viechtbauer 2010,
 * doi:10.18637/jss.v036.i03) so that results can be checked against it.
 */
package org.alliancelab.meta;
