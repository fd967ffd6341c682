package org.alliancelab.plot;

/**
 * A Monte Carlo estimate of a performance measure and its Monte Carlo standard error (Morris,
 * White and Crowther 2019, Stat Med 38:2074, https://doi.org/10.1002/sim.8086).
 *
 * @param value the estimate (NaN when undefined)
 * @param mcse its Monte Carlo standard error (NaN when undefined)
 */
public record McEstimate(double value, double mcse) {

    /** @return whether the value is defined */
    public boolean isDefined() {
        return Double.isFinite(value);
    }

    /** @return the MCSE, or 0 when undefined (so that error bars degrade to a point) */
    public double mcseOrZero() {
        return Double.isFinite(mcse) ? mcse : 0.0;
    }
}
