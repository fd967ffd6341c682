package org.alliancelab.meta.pooling;

import org.alliancelab.meta.effectsize.Correlations;

/**
 * The result of pooling k effect sizes: the pooled estimate with its inference, the
 * heterogeneity statistics and the prediction interval. Values that do not exist for a model
 * are {@code NaN}: the prediction interval and the SE of tau<sup>2</sup> for the common-effect
 * model, Q's p-value for k = 1.
 *
 * @param k number of studies
 * @param estimator the tau-squared estimator ({@link TauSquaredEstimator#EE} for common effect)
 * @param test the test used for the pooled effect
 * @param level confidence level of the intervals, e.g. 0.95
 * @param estimate pooled effect &mu;&#x0302; = &Sigma;w<sub>i</sub>y<sub>i</sub>/&Sigma;w<sub>i</sub>,
 *     w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup>)
 * @param se its standard error, 1/sqrt(&Sigma;w<sub>i</sub>) (times s for Knapp-Hartung)
 * @param statistic test statistic estimate/se (z, or t with k - 1 df)
 * @param pValue two-sided p-value of the test of &mu; = 0
 * @param ciLower lower confidence bound
 * @param ciUpper upper confidence bound
 * @param tau2 between-study variance estimate
 * @param tau2Se standard error of the tau<sup>2</sup> estimate, as metafor gives it
 * @param i2 I<sup>2</sup> in percent
 * @param h2 H<sup>2</sup>
 * @param qe Cochran's Q (with weights 1/v<sub>i</sub>)
 * @param qeP p-value of Q against chi-squared with k - 1 df
 * @param piLower lower prediction bound, &mu;&#x0302; - c sqrt(se<sup>2</sup> + &tau;&#x0302;<sup>2</sup>)
 * @param piUpper upper prediction bound
 * @param iterations iterations the tau-squared estimator used (0 for closed forms)
 */
public record MetaAnalysisResult(
    int k,
    TauSquaredEstimator estimator,
    InferenceTest test,
    double level,
    double estimate,
    double se,
    double statistic,
    double pValue,
    double ciLower,
    double ciUpper,
    double tau2,
    double tau2Se,
    double i2,
    double h2,
    double qe,
    double qeP,
    double piLower,
    double piUpper,
    int iterations) {

    /** @return sqrt(tau<sup>2</sup>) */
    public double tau() {
        return Math.sqrt(tau2);
    }

    /**
     * Back-transforms Fisher-z results to the correlation scale with r = tanh(z). Only
     * meaningful when the pooled effect sizes were Fisher z values.
     *
     * @return the estimate, confidence and prediction bounds as correlations
     */
    public CorrelationSummary toCorrelation() {
        return new CorrelationSummary(
            Correlations.fromFisherZ(estimate),
            Correlations.fromFisherZ(ciLower),
            Correlations.fromFisherZ(ciUpper),
            Correlations.fromFisherZ(piLower),
            Correlations.fromFisherZ(piUpper));
    }

    /**
     * A pooled Fisher-z result back-transformed to correlations.
     *
     * @param r pooled correlation
     * @param ciLower lower confidence bound
     * @param ciUpper upper confidence bound
     * @param piLower lower prediction bound (NaN when there is none)
     * @param piUpper upper prediction bound (NaN when there is none)
     */
    public record CorrelationSummary(double r, double ciLower, double ciUpper, double piLower, double piUpper) {
    }
}
