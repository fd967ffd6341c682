/**
 * Per-study estimators of a lagged effect in a balanced panel (persons observed at the same
 * sessions), computed from sufficient statistics ({@link PanelStatistics}): the naive pooled
 * lagged regression ({@link PooledLaggedRegression}) and the within-person lagged effect of a
 * random-intercept linear mixed model fitted by REML ({@link WithinPersonLaggedModel}), both
 * matching R (lm, lme4). Reference: Hamaker, Kuiper and Grasman (2015), A critique of the
 * cross-lagged panel model, Psychological Methods 20(1), 102-116, doi:10.1037/a0038889.
 */
package org.alliancelab.meta.panel;
