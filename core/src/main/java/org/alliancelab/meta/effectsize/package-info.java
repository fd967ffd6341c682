/**
 * Correlation effect sizes and their sampling variances: raw and Fisher-z transformed
 * correlations and partial correlations, and conversions between correlation metrics.
 */
package org.alliancelab.meta.effectsize;
