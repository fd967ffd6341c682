package org.alliancelab.simulate.scenario;

/**
 * How each study's correlation between the sampling errors of {@code z(r)} and
 * {@code z(partial r)} is obtained.
 *
 * @param method the method
 * @param value the constant for {@link Method#CONSTANT}, NaN otherwise
 */
public record PairedCorrelationRule(Method method, double value) {

    /** The available methods. */
    public enum Method {
        /**
         * Delta method from the population observed covariance of the study's moderator cell at
         * the mean path coefficients (see
         * {@link org.alliancelab.simulate.model.SamplingCorrelation}).
         */
        DELTA,
        /** A scenario-supplied constant in [-1, 1]. */
        CONSTANT
    }

    /** @return the delta-method rule */
    public static PairedCorrelationRule delta() {
        return new PairedCorrelationRule(Method.DELTA, Double.NaN);
    }

    /**
     * @param value the constant correlation in [-1, 1]
     * @return the constant rule
     */
    public static PairedCorrelationRule constant(double value) {
        return new PairedCorrelationRule(Method.CONSTANT, value);
    }
}
