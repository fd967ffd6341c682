package org.alliancelab.simulate.calibration;

/**
 * A target and the population value a calibrated scenario gives it.
 *
 * @param target the published figure
 * @param fitted the scenario's population value
 */
public record TargetFit(Target target, double fitted) {

    /** @return {@code fitted - value} */
    public double residual() {
        return fitted - target.value();
    }

    /** @return the residual in units of the tolerance, {@code (fitted - value) / tolerance} */
    public double residualInTolerances() {
        return residual() / target.tolerance();
    }

    /** @return whether the fitted value lies within the tolerance of the published one */
    public boolean met() {
        return Math.abs(residual()) <= target.tolerance();
    }
}
