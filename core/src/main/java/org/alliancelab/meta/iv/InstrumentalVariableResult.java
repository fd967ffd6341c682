package org.alliancelab.meta.iv;

/**
 * The instrumental-variable analysis of one study ({@link InstrumentalVariable}). Slopes are per
 * unit of the instrument Z as it was supplied (per arm difference for a 0/1 instrument, per SD
 * for a standardized one); the IV estimate is per unit of the exposure X and does not depend on
 * Z's scale.
 *
 * @param n sample size
 * @param intentionToTreat slope of the outcome on the instrument, cov(Z, Y) / var(Z)
 * @param intentionToTreatSe its OLS standard error, residual variance on n - 2 df
 * @param firstStage slope of the exposure on the instrument, cov(Z, X) / var(Z)
 * @param firstStageSe its OLS standard error, residual variance on n - 2 df
 * @param firstStageF the first-stage F statistic on 1 and n - 2 df (the squared t of the slope)
 * @param estimate the Wald / 2SLS estimate cov(Z, Y) / cov(Z, X)
 * @param standardError its standard error (2SLS, equal to the delta method for one instrument)
 * @param slopeCovariance the sampling covariance of the ITT and first-stage slopes, the residual
 *     covariance of the two regressions on Z (n - 2 df) over {@code (n - 1) var(Z)}
 */
public record InstrumentalVariableResult(
    long n,
    double intentionToTreat,
    double intentionToTreatSe,
    double firstStage,
    double firstStageSe,
    double firstStageF,
    double estimate,
    double standardError,
    double slopeCovariance) {

    /** @return the sampling variance of the estimate, {@code standardError()^2} */
    public double variance() {
        return standardError * standardError;
    }
}
