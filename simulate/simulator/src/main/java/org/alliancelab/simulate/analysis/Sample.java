package org.alliancelab.simulate.analysis;

/**
 * The three sets of effect sizes of a replication that the synthesis pooled, each as Fisher z
 * values with their sampling variances.
 */
public enum Sample {
    /** z of r, v = 1/(n - 3) (metafor's ZCOR), all published studies. */
    UNADJUSTED_ALL,
    /** The same on the studies that report an adjusted estimate. */
    UNADJUSTED_REPORTING,
    /** z of the partial r, v = 1/(n - p - 3) (ZPCOR), the same studies. */
    ADJUSTED_REPORTING
}
