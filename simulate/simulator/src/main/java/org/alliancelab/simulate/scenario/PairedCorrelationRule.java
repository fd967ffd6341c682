package org.alliancelab.simulate.scenario;

/**
 * How each study's working correlation between the sampling errors of {@code z(r)} and
 * {@code z(partial r)} is obtained: the {@code rho} of the paired comparison's variance
 * {@code v_adj + v_unadj - 2 rho sqrt(v_adj v_unadj)}.
 *
 * <p>Only {@link Method#SAMPLE} and {@link Method#CONSTANT} are open to a meta-analyst; the
 * {@link Method#POPULATION} value needs the population covariance of each study, which no
 * analyst has (an "oracle", kept to show what it would buy). With the default cluster-robust
 * inference ({@link PairedInference#CR2}) the test holds its size whichever is used; the
 * working correlation then only sets the weights and the scale of tau².
 *
 * @param method the method
 * @param value the constant for {@link Method#CONSTANT}, NaN otherwise
 */
public record PairedCorrelationRule(Method method, double value) {
    /** The default imputed working correlation. */
    public static final double DEFAULT_WORKING_CORRELATION = 0.8;

    /** The available methods. */
    public enum Method {
        /**
         * Oracle: the delta method at the population observed covariance of the study's
         * moderator cell at the mean path coefficients ({@link
         * org.alliancelab.simulate.model.SamplingCorrelation}), the same for every n. Scenario
         * value {@code "population"} ({@code "delta"} is its earlier name).
         */
        POPULATION,
        /**
         * The delta method at the study's own sampled correlation matrix of exposure, outcome and
         * covariates (what a study that reports its correlation matrix allows). Scenario value
         * {@code "sample"}.
         */
        SAMPLE,
        /**
         * An imputed working correlation, the same for every study, as
         * {@code clubSandwich::impute_covariance_matrix} and {@code metafor::vcalc} take it: a
         * number in [-1, 1] in the scenario (a grid factor like any other).
         */
        CONSTANT
    }

    /** @return the population (oracle) rule */
    public static PairedCorrelationRule population() {
        return new PairedCorrelationRule(Method.POPULATION, Double.NaN);
    }

    /** @return the rule computing each study's value from its sampled correlation matrix */
    public static PairedCorrelationRule sample() {
        return new PairedCorrelationRule(Method.SAMPLE, Double.NaN);
    }

    /**
     * @param value the working correlation in [-1, 1]
     * @return the constant rule
     */
    public static PairedCorrelationRule constant(double value) {
        return new PairedCorrelationRule(Method.CONSTANT, value);
    }
}
