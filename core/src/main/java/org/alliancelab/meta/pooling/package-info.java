/**
 * Common-effect and random-effects pooling of effect sizes.
 *
 * <p>{@link org.alliancelab.meta.pooling.RandomEffectsModel} is an immutable configuration
 * (tau-squared estimator, test, confidence level, convergence control) whose {@code fit}
 * methods return an immutable {@link org.alliancelab.meta.pooling.MetaAnalysisResult}. The
 * allocation-free entry point for Monte Carlo loops fills a caller-owned
 * {@link org.alliancelab.meta.pooling.PoolingWorkspace} instead.
 */
package org.alliancelab.meta.pooling;
