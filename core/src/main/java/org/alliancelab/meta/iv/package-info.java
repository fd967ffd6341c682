/**
 * Instrumental-variable estimation from a study's summary statistics: the Wald / two-stage
 * least squares estimate of an exposure's effect with one instrument (e.g. a randomized
 * encouragement), its intention-to-treat and first-stage regressions and the first-stage F
 * statistic ({@link org.alliancelab.meta.iv.InstrumentalVariable}).
 */
package org.alliancelab.meta.iv;
