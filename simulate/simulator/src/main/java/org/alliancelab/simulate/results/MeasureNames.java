package org.alliancelab.simulate.results;

/**
 * The names of the performance measures (Morris, White &amp; Crowther 2019,
 * doi:10.1002/sim.8086) as {@code summary.json} and {@code summary.csv} spell them.
 */
public final class MeasureNames {
    /** Replications in which the analysis gave an estimate. */
    public static final String REPLICATIONS = "replications";
    /** Monte Carlo mean of the estimate. */
    public static final String MEAN = "mean";
    /** Standard deviation of the estimate over replications. */
    public static final String EMPIRICAL_SE = "empirical_se";
    /** Mean minus the estimand. */
    public static final String BIAS = "bias";
    /** Root mean squared error about the estimand. */
    public static final String RMSE = "rmse";
    /** Share of confidence intervals that contain the estimand. */
    public static final String COVERAGE = "coverage";
    /** Share of p-values below alpha. */
    public static final String REJECTION_RATE = "rejection_rate";
    /** Mean tau<sup>2</sup> of a pooled analysis. */
    public static final String MEAN_TAU2 = "mean_tau2";
    /** Mean I<sup>2</sup> of a pooled analysis. */
    public static final String MEAN_I2 = "mean_i2";
    /** Mean number of studies (pooled, or published for {@link Analyses#STUDIES}). */
    public static final String MEAN_K = "mean_k";
    /** Mean number of studies that report an adjusted estimate. */
    public static final String MEAN_K_ADJUSTED = "mean_k_adjusted";
    /** Mean share of negative study correlations. */
    public static final String SHARE_NEGATIVE = "share_negative";
    /** Mean of the studies' mean sample size. */
    public static final String MEAN_N = "mean_n";
    /** Mean number of coefficient draws rejected by the redraw rule. */
    public static final String MEAN_INVALID_DRAWS = "mean_invalid_draws";
    /** Mean number of studies suppressed by publication selection. */
    public static final String MEAN_SUPPRESSED = "mean_suppressed";
    /** Mean Q-between of a moderator. */
    public static final String MEAN_Q_BETWEEN = "mean_q_between";
    /** Share of replications in which a bias method's test detects selection (Egger; the 3PSM's LRT). */
    public static final String SELECTION_DETECTED = "selection_detected";
    /** Mean number of studies trim-and-fill imputes. */
    public static final String MEAN_K0 = "mean_k0";
    /** Mean selection weight of the 3PSM's non-significant interval. */
    public static final String MEAN_WEIGHT = "mean_weight";
    /** Share of replications whose 3PSM weight is at its bound. */
    public static final String SHARE_WEIGHT_AT_BOUND = "share_weight_at_bound";
    /** Share of replications in which PET-PEESE chose PEESE. */
    public static final String SHARE_PEESE = "share_peese";

    /** Mean E-value of the adjusted pooled correlation. */
    public static final String MEAN_E_VALUE = "mean_e_value";
    /** Mean E-value of its confidence bound closest to 0 (1 when the interval includes 0). */
    public static final String MEAN_E_VALUE_CI = "mean_e_value_ci";
    /** Mean proportion of true effects above q (confounded meta-analysis). */
    public static final String MEAN_PROP_ABOVE_Q = "mean_prop_above_q";
    /** Mean T_min of the confounded meta-analysis. */
    public static final String MEAN_T_MIN = "mean_t_min";
    /** Mean G_min of the confounded meta-analysis. */
    public static final String MEAN_G_MIN = "mean_g_min";
    /** Mean partial R<sup>2</sup> of exposure with outcome. */
    public static final String MEAN_PARTIAL_R2 = "mean_partial_r2";
    /** Mean robustness value RV_q. */
    public static final String MEAN_RV_Q = "mean_rv_q";
    /** Mean robustness value RV_q,alpha. */
    public static final String MEAN_RV_Q_ALPHA = "mean_rv_q_alpha";

    /** Mean over replications of the mean first-stage F of the studies (IV analysis). */
    public static final String MEAN_FIRST_STAGE_F = "mean_first_stage_f";
    /** Mean over replications of the median first-stage F of the studies. */
    public static final String MEAN_MEDIAN_FIRST_STAGE_F = "mean_median_first_stage_f";
    /** Mean over replications of the share of studies with first-stage F below 10. */
    public static final String MEAN_SHARE_WEAK = "mean_share_weak";
    /** Mean over replications of the pooled intention-to-treat effect. */
    public static final String MEAN_ITT = "mean_itt";
    /** Rejection rate of the pooled intention-to-treat test (an encouragement trial's valid test). */
    public static final String ITT_REJECTION_RATE = "itt_rejection_rate";
    /** Mean over replications of the pooled ITT over the pooled first stage. */
    public static final String MEAN_RATIO_OF_POOLED = "mean_ratio_of_pooled";
    /** Mean over replications of the pooled first-stage effect. */
    public static final String MEAN_FIRST_STAGE = "mean_first_stage";
    /** Share of replications whose confidence set is one finite interval (pooled Wald ratio). */
    public static final String SHARE_BOUNDED = "share_bounded";

    /** The measures whose value is a proportion in [0, 1]. */
    private static final java.util.Set<String> PROPORTIONS = java.util.Set.of(COVERAGE, REJECTION_RATE,
        ITT_REJECTION_RATE, SELECTION_DETECTED, SHARE_WEIGHT_AT_BOUND, SHARE_PEESE, SHARE_BOUNDED, SHARE_NEGATIVE,
        MEAN_SHARE_WEAK, MEAN_PROP_ABOVE_Q);

    private MeasureNames() {
    }

    /**
     * Whether a measure is a proportion: a share of replications (rejection rate, coverage, the
     * shares of replications) or a mean share of studies. Either is 0 only when the event never
     * happened in any replication, so the rule of three bounds it ({@link McseFormat}); counts per
     * replication ({@link #MEAN_INVALID_DRAWS}, {@link #MEAN_SUPPRESSED}) are not proportions.
     *
     * @param measure measure name
     * @return true for a proportion
     */
    public static boolean isProportion(String measure) {
        return PROPORTIONS.contains(measure);
    }
}
