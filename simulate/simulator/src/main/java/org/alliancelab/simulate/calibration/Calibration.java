package org.alliancelab.simulate.calibration;

import java.util.List;
import java.util.Objects;
import org.alliancelab.simulate.scenario.Scenario;

/**
 * The result of a calibration: the fitted free parameters, every target with its fitted value,
 * and the calibrated scenario (the template's scenario with the fitted values, at full
 * precision, without the {@code free} key).
 *
 * <p>The calibration is feasible when every target is met within its tolerance; otherwise
 * {@link #scenario()} is the least-squares point that came closest, within the bounds.
 *
 * @param parameters the free parameters, in template order
 * @param values the fitted value of each
 * @param fits each target and its fitted value, in the targets' order
 * @param scenario the scenario at the fitted values
 * @param iterations Levenberg–Marquardt iterations of the search that gave this point
 * @param converged whether the search stopped by a convergence rule (not the iteration limit)
 */
public record Calibration(List<FreeParameter> parameters, List<Double> values, List<TargetFit> fits,
                          Scenario scenario, int iterations, boolean converged) {

    /**
     * Copies the lists.
     *
     * @param parameters the free parameters
     * @param values the fitted value of each
     * @param fits each target and its fitted value
     * @param scenario the scenario at the fitted values
     * @param iterations iterations of the search
     * @param converged whether the search converged
     */
    public Calibration {
        parameters = List.copyOf(parameters);
        values = List.copyOf(values);
        fits = List.copyOf(fits);
        Objects.requireNonNull(scenario, "scenario");
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("one value per parameter needed");
        }
    }

    /** @return whether every target is met within its tolerance */
    public boolean feasible() {
        return fits.stream().allMatch(TargetFit::met);
    }

    /** @return the targets not met, in order */
    public List<TargetFit> unmet() {
        return fits.stream().filter(f -> !f.met()).toList();
    }

    /** @return the largest |residual| / tolerance over the targets */
    public double worstResidualInTolerances() {
        return fits.stream().mapToDouble(f -> Math.abs(f.residualInTolerances())).max().orElse(0);
    }

    /**
     * @param name a free parameter's name
     * @return its fitted value
     * @throws IllegalArgumentException when no parameter has that name
     */
    public double value(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException("no free parameter '" + name + "'");
    }

    /**
     * @param parameter a free parameter's index
     * @return whether its fitted value lies on one of its bounds
     */
    public boolean atBound(int parameter) {
        FreeParameter p = parameters.get(parameter);
        double v = values.get(parameter);
        return v <= p.lower() || v >= p.upper();
    }
}
