package org.alliancelab.plot;

import java.util.Objects;

/**
 * One point of a funnel plot, on the analysis scale.
 *
 * @param label study label
 * @param estimate effect size y<sub>i</sub>
 * @param se its standard error sqrt(v<sub>i</sub>), positive
 * @param imputed whether trim-and-fill imputed this study (drawn as an open marker)
 */
public record FunnelStudy(String label, double estimate, double se, boolean imputed) {

    /** @throws IllegalArgumentException when the estimate is not finite or the SE not positive */
    public FunnelStudy {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(estimate) || !(se > 0) || !Double.isFinite(se)) {
            throw new IllegalArgumentException("study " + label + ": estimate must be finite and SE positive, were "
                + estimate + ", " + se);
        }
    }
}
