package org.alliancelab.meta.bias;

/**
 * Thrown when an interval of a step-function selection model holds no observed p-value: its
 * weight is then not identified (the likelihood increases without bound as it goes to 0), and
 * metafor's {@code selmodel} refuses the fit likewise ("One or more intervals do not contain any
 * observed p-values"). Choose other steps, e.g. merge the interval with a neighbour.
 */
public final class EmptyIntervalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Lower end of the empty interval (exclusive). */
    private final double lower;
    /** Upper end (inclusive). */
    private final double upper;

    /**
     * @param lower lower end of the empty interval of p-values (exclusive)
     * @param upper its upper end (inclusive)
     */
    public EmptyIntervalException(double lower, double upper) {
        super("no study has a p-value in the selection interval (" + lower + ", " + upper + "]; "
            + "choose steps that leave no interval empty");
        this.lower = lower;
        this.upper = upper;
    }

    /** @return the lower end of the empty interval (exclusive) */
    public double lower() {
        return lower;
    }

    /** @return its upper end (inclusive) */
    public double upper() {
        return upper;
    }
}
