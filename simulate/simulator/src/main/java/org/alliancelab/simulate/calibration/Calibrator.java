package org.alliancelab.simulate.calibration;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.model.InvalidModelException;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * Fits a template's free parameters to published figures on the exact population algebra (no
 * simulation): minimises {@code sum_i w_i ((v_i(theta) - value_i) / tolerance_i)^2} over the
 * bounds by {@link BoundedLeastSquares} (Levenberg–Marquardt), where {@code v_i(theta)} is
 * target i's population value ({@link Target#of}) of the template's scenario with the free
 * fields set to theta. With as many targets as parameters and a solution inside the bounds this
 * solves the system exactly; with more targets it is least squares.
 *
 * <p>A point where the model is invalid (paths explaining 100% or more of a node's variance) is
 * a failed trial step, never a result. When the search from the template's start values ends
 * with a target outside its tolerance, it is repeated from the centre of the bounds and the
 * better end point is kept (one restart; a local minimum elsewhere is not excluded).
 */
public final class Calibrator {
    private final CalibrationTemplate template;
    private final Targets targets;

    private Calibrator(CalibrationTemplate template, Targets targets) {
        this.template = template;
        this.targets = targets;
    }

    /**
     * @param template the template
     * @param targets the figures
     * @return the calibrator
     * @throws ScenarioException naming the targets file when a target cannot be evaluated on
     *     the template's scenario
     */
    public static Calibrator of(CalibrationTemplate template, Targets targets) {
        targets.check(template.scenario());
        return new Calibrator(template, targets);
    }

    /** @return the template */
    public CalibrationTemplate template() {
        return template;
    }

    /**
     * Fits from the template's start values (and, if that misses a target, from the centre of
     * the bounds).
     *
     * @return the calibration, feasible or the closest point found
     */
    public Calibration fit() {
        return fit(template.start());
    }

    /**
     * Fits from the given start (and, if that misses a target, from the template's start and
     * the centre of the bounds).
     *
     * @param start one value per free parameter, within the bounds
     * @return the calibration, feasible or the closest point found
     * @throws IllegalArgumentException when the model is invalid at every start
     */
    public Calibration fit(double[] start) {
        List<FreeParameter> free = template.free();
        int n = free.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] centre = new double[n];
        for (int k = 0; k < n; k++) {
            lower[k] = free.get(k).lower();
            upper[k] = free.get(k).upper();
            centre[k] = (lower[k] + upper[k]) / 2;
        }
        BoundedLeastSquares solver = BoundedLeastSquares.of(this::residuals, lower, upper);
        BoundedLeastSquares.Solution best = null;
        IllegalArgumentException invalid = null;
        List<double[]> tried = new ArrayList<>();
        for (double[] s : List.of(start, template.start(), centre)) {
            if (tried.stream().anyMatch(t -> java.util.Arrays.equals(t, s))) {
                continue;
            }
            tried.add(s);
            try {
                BoundedLeastSquares.Solution sol = solver.solve(s);
                if (best == null || sol.sumOfSquares() < best.sumOfSquares()) {
                    best = sol;
                }
            } catch (IllegalArgumentException e) {
                invalid = e;
                continue;
            }
            if (result(best).feasible()) {
                break;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the scenario is invalid at the start values and at the centre of "
                + "the bounds", invalid);
        }
        return result(best);
    }

    /**
     * One search from the given start, without restarts (for a start known to be good, such
     * as a neighbouring solution).
     *
     * @param start one value per free parameter, within the bounds
     * @return the calibration, feasible or the end point of the search
     * @throws IllegalArgumentException when the model is invalid at the start
     */
    public Calibration search(double[] start) {
        List<FreeParameter> free = template.free();
        double[] lower = free.stream().mapToDouble(FreeParameter::lower).toArray();
        double[] upper = free.stream().mapToDouble(FreeParameter::upper).toArray();
        return result(BoundedLeastSquares.of(this::residuals, lower, upper).solve(start));
    }

    /**
     * The calibration at given parameter values, without search.
     *
     * @param values one value per free parameter
     * @return the targets' fit at these values
     * @throws ScenarioException when the values make the scenario invalid
     */
    public Calibration at(double[] values) {
        return result(new BoundedLeastSquares.Solution(values.clone(), residuals(values), 0, true));
    }

    private Calibration result(BoundedLeastSquares.Solution sol) {
        Scenario s = template.at(sol.x());
        Condition c = s.conditions().get(0);
        List<TargetFit> fits = new ArrayList<>();
        for (Target t : targets.targets()) {
            fits.add(new TargetFit(t, t.of(c)));
        }
        List<Double> values = new ArrayList<>();
        for (double v : sol.x()) {
            values.add(v);
        }
        return new Calibration(template.free(), values, fits, s, sol.iterations(), sol.converged());
    }

    /** Scaled residuals at theta; IllegalArgumentException where the model is invalid. */
    private double[] residuals(double[] theta) {
        Condition c;
        try {
            c = template.at(theta).conditions().get(0);
        } catch (ScenarioException | InvalidModelException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
        List<Target> list = targets.targets();
        double[] r = new double[list.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = list.get(i).scaledResidual(list.get(i).of(c));
        }
        return r;
    }
}
