/**
 * Mixed-effects meta-regression: effect sizes regressed on study-level moderators with a
 * residual between-study variance, as metafor's {@code rma(yi, vi, mods = ...)}.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package.
 * <i>Journal of Statistical Software</i>, 36(3). doi:10.18637/jss.v036.i03
 */
package org.alliancelab.meta.regression;
