/**
 * Comparing two pooled estimates, e.g. the adjusted against the unadjusted association of the
 * same studies: a Wald test for independent estimates and a paired, within-study analysis of
 * the per-study differences.
 */
package org.alliancelab.meta.comparison;
