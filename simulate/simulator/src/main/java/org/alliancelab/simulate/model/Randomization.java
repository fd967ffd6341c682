package org.alliancelab.simulate.model;

/**
 * How a randomized (exogenous, assigned by the trial) node is drawn: the instrument of an
 * encouragement trial. In the standardized model it is a standardized variable either way; a
 * binary assignment with share p is {@code (B - p) / sqrt(p (1 - p))}, B ~ Bernoulli(p).
 *
 * @param assignment binary (a share of patients assigned) or continuous (standard normal)
 * @param share the share assigned to 1 for a binary assignment, in (0, 1); NaN for a
 *     continuous one
 */
public record Randomization(Assignment assignment, double share) {
    /** The distribution of the randomized node. */
    public enum Assignment {
        /** Bernoulli(share), standardized. */
        BINARY,
        /** Standard normal (a randomized dose). */
        NORMAL
    }

    /**
     * @param assignment binary or continuous
     * @param share the share assigned to 1 for a binary assignment, NaN for a continuous one
     * @throws IllegalArgumentException when a binary share is not in (0, 1) or a normal one has a share
     */
    public Randomization {
        if (assignment == Assignment.BINARY ? !(share > 0 && share < 1) : !Double.isNaN(share)) {
            throw new IllegalArgumentException("share must be in (0, 1), got " + share);
        }
    }

    /**
     * @param share the share of patients assigned to 1, in (0, 1)
     * @return a binary randomization
     */
    public static Randomization binary(double share) {
        return new Randomization(Assignment.BINARY, share);
    }

    /** @return a standard normal randomization */
    public static Randomization normal() {
        return new Randomization(Assignment.NORMAL, Double.NaN);
    }

    /** @return whether the node is a 0/1 assignment */
    public boolean isBinary() {
        return assignment == Assignment.BINARY;
    }
}
