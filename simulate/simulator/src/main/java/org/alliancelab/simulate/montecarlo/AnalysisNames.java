package org.alliancelab.simulate.montecarlo;

import java.util.List;

/**
 * Names of the per-replication analyses and of their record columns
 * ({@code <analysis>.<quantity>}), shared by {@link ScenarioDesign} and
 * {@link ReplicationAnalysis}.
 */
final class AnalysisNames {
    /** (1) unadjusted correlations, all published studies. */
    static final String UNADJUSTED_ALL = "unadjusted_all";
    /** (2) unadjusted correlations, studies that report an adjusted estimate. */
    static final String UNADJUSTED_REPORTING = "unadjusted_reporting";
    /** (3) adjusted (partial) correlations, the same studies. */
    static final String ADJUSTED = "adjusted";
    /** (4a) adjusted minus unadjusted as two independent pooled estimates (Wald / Q-between). */
    static final String DIFFERENCE_SUBGROUP = "difference_subgroup";
    /** (4b) adjusted minus unadjusted as pooled within-study differences. */
    static final String DIFFERENCE_PAIRED = "difference_paired";
    /** Study-level counts of a replication. */
    static final String STUDIES = "studies";

    /** Quantities of a pooled correlation: r, bounds and PI back-transformed; se on the z scale. */
    static final List<String> POOLED = List.of("k", "r", "se", "ci_lower", "ci_upper", "p", "tau2", "i2",
        "pi_lower", "pi_upper");
    /** Quantities of the independent difference test (z scale). */
    static final List<String> DIFFERENCE = List.of("difference", "se", "ci_lower", "ci_upper", "p");
    /** Quantities of the paired difference (z scale). */
    static final List<String> PAIRED = List.of("k", "difference", "se", "ci_lower", "ci_upper", "p", "tau2", "i2");
    /** Quantities of a moderator's Q-between test. */
    static final List<String> BETWEEN = List.of("q_between", "df", "p");
    /** Study-level quantities. */
    static final List<String> STUDY_COUNTS = List.of("k", "k_adjusted", "share_negative", "mean_n",
        "invalid_draws", "suppressed");

    private AnalysisNames() {
    }

    /**
     * @param moderator moderator name
     * @param level level name
     * @return the analysis name of that subgroup, {@code moderator=level}
     */
    static String level(String moderator, String level) {
        return moderator + "=" + level;
    }

    /**
     * @param analysis analysis name
     * @param quantity quantity
     * @return the column name
     */
    static String column(String analysis, String quantity) {
        return analysis + "." + quantity;
    }
}
