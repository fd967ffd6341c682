package org.alliancelab.simulate.calibration;

/**
 * One point of a {@link Frontier}: the swept parameter's value, the calibration of the free
 * parameters to the targets at that value, and what the calibrated world implies.
 *
 * @param value the swept parameter's value
 * @param grid whether the value is on the sweep's grid (false: a boundary located by bisection)
 * @param calibration the calibration at this value (the closest point when infeasible)
 * @param causal the population causal r of the calibrated world ({@code truth().causal()})
 * @param strength the unmeasured confounder's partial R<sup>2</sup> in the calibrated world
 */
public record FrontierPoint(double value, boolean grid, Calibration calibration, double causal,
                            ConfounderStrength strength) {

    /** @return whether the table is reproduced within every target's tolerance at this value */
    public boolean feasible() {
        return calibration.feasible();
    }
}
