/**
 * The alliance-lab meta-analysis library: effect sizes of correlations, random-effects pooling
 * with every standard tau-squared estimator, meta-regression, subgroups, comparisons of pooled
 * estimates, publication-bias methods, sensitivity analyses and dependent effects. Everything
 * but {@code org.alliancelab.meta.internal} is API.
 */
module org.alliancelab.meta {
    requires org.apache.commons.numbers.gamma;
    requires org.apache.commons.numbers.rootfinder;
    requires org.apache.commons.statistics.distribution;

    exports org.alliancelab.meta.bias;
    exports org.alliancelab.meta.comparison;
    exports org.alliancelab.meta.dependence;
    exports org.alliancelab.meta.effectsize;
    exports org.alliancelab.meta.iv;
    exports org.alliancelab.meta.panel;
    exports org.alliancelab.meta.pooling;
    exports org.alliancelab.meta.regression;
    exports org.alliancelab.meta.sensitivity;
    exports org.alliancelab.meta.subgroup;
}
