package org.alliancelab.meta.subgroup;

/**
 * Whether the subgroups share one between-study variance.
 */
public enum HeterogeneityAssumption {
    /**
     * Each subgroup is pooled on its own, with its own tau<sup>2</sup> (what a random-effects
     * model fitted per subset gives, e.g. metafor's {@code rma(..., subset = g == level)}).
     */
    SEPARATE
}
