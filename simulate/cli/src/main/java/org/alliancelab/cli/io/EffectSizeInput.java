package org.alliancelab.cli.io;

/**
 * Which columns of a study table the effect sizes were computed from.
 */
public enum EffectSizeInput {
    /** Columns {@code r} and {@code n} (and {@code covariates} for partial measures). */
    CORRELATION("r, n"),
    /**
     * Columns {@code t}, {@code n} and {@code covariates}: the t statistic of the focal
     * predictor in a regression, converted to a partial correlation.
     */
    T_STATISTIC("t, n, covariates"),
    /** Columns {@code yi} and {@code vi}, used as they are. */
    PRECOMPUTED("yi, vi");

    private final String columns;

    EffectSizeInput(String columns) {
        this.columns = columns;
    }

    /** @return the columns this input reads, for messages and summaries */
    public String columns() {
        return columns;
    }
}
