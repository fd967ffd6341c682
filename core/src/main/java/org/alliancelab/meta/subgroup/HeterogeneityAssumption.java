package org.alliancelab.meta.subgroup;

/**
 * Whether the subgroups share one between-study variance.
 */
public enum HeterogeneityAssumption {
    /**
     * Each subgroup is pooled on its own, with its own tau<sup>2</sup> (what a random-effects
     * model fitted per subset gives, e.g. metafor's {@code rma(..., subset = g == level)}).
     */
    SEPARATE,
    /**
     * One tau<sup>2</sup> for all subgroups, estimated by the configured estimator from the
     * mixed-effects meta-regression on the dummy-coded grouping factor (metafor's
     * {@code rma(yi, vi, mods = ~ factor(g))}); each subgroup is then pooled with tau<sup>2</sup>
     * fixed at that value (metafor's {@code rma(yi, vi, tau2 = common, subset = g == level)}),
     * and, with z tests, Q<sub>between</sub> equals that meta-regression's omnibus QM.
     */
    COMMON
}
