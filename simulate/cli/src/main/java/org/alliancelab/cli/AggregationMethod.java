package org.alliancelab.cli;

/** How {@code aggregate} combines the effects of one cluster. */
public enum AggregationMethod {
    /**
     * Generalized least squares under a compound-symmetric correlation rho of the sampling errors
     * (metafor's {@code aggregate(dat, cluster, rho, struct = "CS")}), on the scale of the chosen
     * measure; writes {@code yi} and {@code vi}.
     */
    CS,
    /**
     * The correlation with the unit-weighted composite of the cluster's measures, sum(r) / sqrt(m +
     * m(m - 1) rho), and the mean n (the MAc package's {@code agg}); writes {@code r} and {@code n}.
     */
    COMPOSITE
}
