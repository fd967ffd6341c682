package org.alliancelab.plot;

import java.util.Objects;

/**
 * One row of a forest plot, on the analysis scale.
 *
 * @param label study label, e.g. "Axelsson et al. 2009"
 * @param estimate the study's effect size y<sub>i</sub>
 * @param ciLower lower confidence bound, y<sub>i</sub> - z<sub>1-&alpha;/2</sub> sqrt(v<sub>i</sub>)
 * @param ciUpper upper confidence bound
 * @param weight the study's weight in the pooled estimate in percent (drives the marker area)
 */
public record ForestStudy(String label, double estimate, double ciLower, double ciUpper, double weight) {

    /**
     * @throws IllegalArgumentException when a value is not finite, the interval does not contain
     *     the estimate, or the weight is negative
     */
    public ForestStudy {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(estimate) || !Double.isFinite(ciLower) || !Double.isFinite(ciUpper)
            || !(ciLower <= estimate && estimate <= ciUpper)) {
            throw new IllegalArgumentException("study " + label + ": estimate " + estimate
                + " must be finite and inside its interval [" + ciLower + ", " + ciUpper + "]");
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("study " + label + ": weight must be >= 0, was " + weight);
        }
    }
}
