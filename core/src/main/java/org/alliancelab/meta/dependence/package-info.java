/**
 * Dependent effect sizes within studies: aggregation to one effect per cluster (metafor's
 * {@code aggregate.escalc} with a compound-symmetric correlation, and the composite-correlation
 * rule of the MAc package), and the three-level random-effects model (effects within samples
 * within studies) of metafor's {@code rma.mv(yi, vi, random = ~ 1 | study/sample)}.
 */
package org.alliancelab.meta.dependence;
