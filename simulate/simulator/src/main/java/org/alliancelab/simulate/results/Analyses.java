package org.alliancelab.simulate.results;

/**
 * The names of the built-in per-replication analyses, as the output files and every reader of
 * them spell them, and the rule for column names ({@code <analysis>.<quantity>}).
 */
public final class Analyses {
    /** (1) Unadjusted correlations, all published studies. */
    public static final String UNADJUSTED_ALL = "unadjusted_all";
    /** (2) Unadjusted correlations, the studies that report an adjusted estimate. */
    public static final String UNADJUSTED_REPORTING = "unadjusted_reporting";
    /** (3) Adjusted (partial) correlations, the same studies. */
    public static final String ADJUSTED = "adjusted";
    /** (4a) Adjusted minus unadjusted as two independent pooled estimates (Wald, = Q-between). */
    public static final String DIFFERENCE_SUBGROUP = "difference_subgroup";
    /** (4b) Adjusted minus unadjusted as pooled within-study differences. */
    public static final String DIFFERENCE_PAIRED = "difference_paired";
    /** Study-level description of a replication (counts, share negative, mean n). */
    public static final String STUDIES = "studies";
    /** Egger's regression test of funnel asymmetry, all published studies. */
    public static final String EGGER = "egger";
    /** Trim-and-fill, all published studies. */
    public static final String TRIM_AND_FILL = "trimfill";
    /** The three-parameter selection model, all published studies. */
    public static final String SELECTION_3PSM = "selmodel_3psm";
    /** PET-PEESE, all published studies. */
    public static final String PET_PEESE = "petpeese";
    /** Session-by-session designs: the pooled naive lagged regression. */
    public static final String NAIVE_LAGGED = "naive_lagged";
    /** Session-by-session designs: the pooled within-person lagged effect. */
    public static final String WITHIN_LAGGED = "within_lagged";
    /** Robustness of the adjusted pooled correlation to unmeasured confounding. */
    public static final String SENSITIVITY = "sensitivity";
    /** The pooled instrumental-variable (encouragement-trial) analysis. */
    public static final String INSTRUMENTAL_VARIABLE = "iv";
    /**
     * The encouragement trials' pooled Wald ratio, with the confidence set that inverts the
     * pooled test of ITT - b x first stage = 0 (an Anderson-Rubin set).
     */
    public static final String POOLED_WALD_RATIO = "iv_ratio";
    /** The analysis named in a failure when a whole replication failed. */
    public static final String REPLICATION = "replication";

    private Analyses() {
    }

    /**
     * @param moderator moderator name, itself the name of its Q-between analysis
     * @param level level name
     * @return the name of the subgroup analysis of that level, {@code moderator=level}
     */
    public static String level(String moderator, String level) {
        return moderator + "=" + level;
    }

    /**
     * @param analysis analysis name
     * @return whether it is a publication-bias method, run on all published studies and
     *     judged against the population values of all studies before selection
     */
    public static boolean isBiasMethod(String analysis) {
        return analysis.equals(EGGER) || analysis.equals(TRIM_AND_FILL) || analysis.equals(SELECTION_3PSM)
            || analysis.equals(PET_PEESE);
    }

    /**
     * The estimand a built-in analysis estimates, against which its bias and coverage are
     * judged first: {@link Estimand#ADJUSTED} for {@link #ADJUSTED}, {@link Estimand#DIFFERENCE}
     * for the difference tests, {@link Estimand#UNADJUSTED} for the other pooled correlations
     * (each among its own studies: all, the reporting ones, or a moderator level's);
     * {@link Estimand#IV_ESTIMAND} for {@link #INSTRUMENTAL_VARIABLE} and {@link #POOLED_WALD_RATIO}.
     *
     * @param analysis analysis name
     * @return its own target
     */
    public static Estimand target(String analysis) {
        switch (analysis) {
            case ADJUSTED:
                return Estimand.ADJUSTED;
            case DIFFERENCE_SUBGROUP:
            case DIFFERENCE_PAIRED:
                return Estimand.DIFFERENCE;
            case NAIVE_LAGGED:
                return Estimand.NAIVE_LAGGED_LIMIT;
            case WITHIN_LAGGED:
                return Estimand.WITHIN_LAGGED_LIMIT;
            case INSTRUMENTAL_VARIABLE:
            case POOLED_WALD_RATIO:
                return Estimand.IV_ESTIMAND;
            default:
                return Estimand.UNADJUSTED;
        }
    }

    /**
     * @param analysis analysis name
     * @return the causal effect it is judged against: {@link Estimand#IV_CAUSAL_EFFECT} for
     *     {@link #INSTRUMENTAL_VARIABLE} and {@link #POOLED_WALD_RATIO} (an effect, not a correlation), the cross-lagged effect
     *     {@link Estimand#CROSS_LAGGED} for the lagged effects of a session design, otherwise
     *     {@link Estimand#CAUSAL}
     */
    public static Estimand causalTarget(String analysis) {
        switch (analysis) {
            case INSTRUMENTAL_VARIABLE:
            case POOLED_WALD_RATIO:
                return Estimand.IV_CAUSAL_EFFECT;
            case NAIVE_LAGGED:
            case WITHIN_LAGGED:
                return Estimand.CROSS_LAGGED;
            default:
                return Estimand.CAUSAL;
        }
    }

    /**
     * @param analysis analysis name
     * @param quantity quantity, e.g. {@code r}
     * @return the column name in {@code replications.csv}, {@code analysis.quantity}
     */
    public static String column(String analysis, String quantity) {
        return analysis + "." + quantity;
    }
}
