package org.alliancelab.meta.pooling;

/**
 * How tests and confidence intervals for the pooled effect are formed.
 */
public enum InferenceTest {
    /** Wald-type: z = &mu;&#x0302;/SE against the standard normal distribution. */
    Z,
    /**
     * Knapp-Hartung: the variance of &mu;&#x0302; is multiplied by
     * s<sup>2</sup> = &Sigma;w<sub>i</sub>(y<sub>i</sub> - &mu;&#x0302;)<sup>2</sup>/(k - 1), with
     * w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup>), and tests use the t distribution
     * with k - 1 degrees of freedom (no truncation of s<sup>2</sup>, as metafor's default).
     * Knapp, G. &amp; Hartung, J. (2003), <i>Statistics in Medicine</i>, 22, 2693-2710.
     * doi:10.1002/sim.1482
     */
    KNHA;

    /**
     * Parses a test name case-insensitively ("knha", "hksj" and "t" mean Knapp-Hartung).
     *
     * @param name e.g. "z"
     * @return the test
     * @throws IllegalArgumentException when the name is unknown
     */
    public static InferenceTest parse(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "z":
                return Z;
            case "knha":
            case "hksj":
            case "t":
                return KNHA;
            default:
                throw new IllegalArgumentException("unknown test '" + name + "' (expected z or knha)");
        }
    }
}
