package org.alliancelab.simulate.calibration;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One point of a {@link Frontier}: the swept parameter's value, the calibration of the free
 * parameters to the targets at that value, and what the calibrated world implies.
 *
 * <p>A value at which the model is invalid at every start of the search (paths explaining
 * 100% or more of a node's variance, a field out of its range) has no calibration: it is not
 * compatible, its causal r and confounder strength are NaN and {@link #note} says why.
 *
 * @param value the swept parameter's value
 * @param grid whether the value is on the sweep's grid (false: a boundary located by bisection)
 * @param calibration the calibration at this value (the closest point when infeasible), empty
 *     when the model is invalid at this value
 * @param causal the population causal r of the calibrated world ({@code truth().causal()}),
 *     NaN without a calibration
 * @param strength the unmeasured confounder's partial R<sup>2</sup> in the calibrated world,
 *     NaN without a calibration
 * @param note why the point is not compatible ("" when it is): the targets not met, or why
 *     the model is invalid at this value
 */
public record FrontierPoint(double value, boolean grid, Optional<Calibration> calibration, double causal,
                            ConfounderStrength strength, String note) {

    /**
     * Checks the fields.
     *
     * @param value the swept parameter's value
     * @param grid whether the value is on the sweep's grid
     * @param calibration the calibration, empty when the model is invalid
     * @param causal the population causal r
     * @param strength the confounder's strength
     * @param note why the point is not compatible, "" when it is
     */
    public FrontierPoint {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(note, "note");
    }

    /**
     * @param value the swept value
     * @param grid whether it is on the grid
     * @param calibration the calibration there
     * @param causal the calibrated world's causal r
     * @param strength the confounder's strength there
     * @return the point, its note naming the targets not met
     */
    static FrontierPoint of(double value, boolean grid, Calibration calibration, double causal,
                            ConfounderStrength strength) {
        String note = calibration.feasible() ? "" : "targets not met: " + calibration.unmet().stream()
            .map(f -> "'" + f.target().name() + "'").collect(Collectors.joining(", "));
        return new FrontierPoint(value, grid, Optional.of(calibration), causal, strength, note);
    }

    /**
     * @param value the swept value
     * @param grid whether it is on the grid
     * @param reason why the model is invalid at every start of the search
     * @return an incompatible point without a calibration
     */
    static FrontierPoint invalid(double value, boolean grid, String reason) {
        return new FrontierPoint(value, grid, Optional.empty(), Double.NaN,
            new ConfounderStrength(Double.NaN, Double.NaN),
            "the model is invalid at this value: " + reason.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }

    /** @return whether the table is reproduced within every target's tolerance at this value */
    public boolean feasible() {
        return calibration.map(Calibration::feasible).orElse(false);
    }

    /** @return the largest |residual| / tolerance over the targets, NaN without a calibration */
    public double worstResidualInTolerances() {
        return calibration.map(Calibration::worstResidualInTolerances).orElse(Double.NaN);
    }
}
