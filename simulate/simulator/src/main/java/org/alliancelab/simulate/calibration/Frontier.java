package org.alliancelab.simulate.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * The set of causal worlds compatible with a published table: for each value of a swept
 * parameter (typically the causal path exposure -> outcome), the template's free parameters are
 * calibrated to the targets ({@link Calibrator}); the value is compatible when every target is
 * met within its tolerance. Between neighbouring grid values of which one is compatible and
 * the other not, the edge is located by bisection ({@value #BISECTIONS} halvings) and added as a
 * point.
 *
 * <p>Each grid value's search starts from the previous compatible point's solution
 * (continuation along the sweep), then, if that misses a target, from the template's start and
 * the centre of the bounds ({@link Calibrator#fit(double[])}); a bisection step searches once
 * from the compatible end of its bracket ({@link Calibrator#search}), which lies within the
 * bracket's width of it. A value at which the model is invalid at every start of the search
 * (also the lower corner of the bounds) is an incompatible point without a calibration
 * ({@link FrontierPoint#invalid}); the sweep goes on.
 *
 * <p>The grid values are {@code from + i (to - from) / (steps - 1)}, each rounded to the
 * shortest decimal within {@value #GRID_ROUNDING} of it relative to the larger of its
 * magnitude and the step (so that 0.03 is 0.03, not 0.029999999999999995, and a value that
 * should be 0 is 0).
 *
 * @param pointer the swept field
 * @param label the swept parameter in words ("alliance -> outcome" for a path's beta)
 * @param exposure the name of the scenario's exposure node
 * @param outcome the name of the scenario's outcome node
 * @param confounder the unmeasured confounder whose strength is reported
 * @param points grid points and located edges, by increasing value
 */
public record Frontier(String pointer, String label, String exposure, String outcome, String confounder,
                       List<FrontierPoint> points) {
    /** Halvings of the bracket around an edge of the compatible set. */
    public static final int BISECTIONS = 16;
    /** Relative distance within which a grid value is replaced by a shorter decimal. */
    public static final double GRID_ROUNDING = 1e-12;
    /** A world whose population causal r is within this of 0 is a null world. */
    public static final double NULL_CAUSAL = 1e-12;
    private static final Pattern PATH_BETA = Pattern.compile("/model/paths/(\\d+)/beta");

    /**
     * Copies the list.
     *
     * @param pointer the swept field
     * @param label the swept parameter in words
     * @param exposure the exposure's name
     * @param outcome the outcome's name
     * @param confounder the unmeasured confounder
     * @param points the points by increasing value
     */
    public Frontier {
        points = List.copyOf(points);
    }

    /**
     * Computes a frontier.
     *
     * @param template the template; the swept field must not be free
     * @param targets the published figures
     * @param pointer the swept numeric field
     * @param from first value
     * @param to last value
     * @param steps number of grid values, at least 2 (from, to and evenly spaced between)
     * @param confounder the name of the unmeasured node whose strength is reported
     * @return the frontier
     * @throws IllegalArgumentException when the pointer is free or addresses no numeric field,
     *     steps is below 2, from and to are not finite or equal, or the confounder is no
     *     unobserved node
     */
    public static Frontier of(CalibrationTemplate template, Targets targets, String pointer, double from, double to,
                              int steps, String confounder) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2, got " + steps);
        }
        if (!(Double.isFinite(from) && Double.isFinite(to)) || from == to) {
            throw new IllegalArgumentException("the sweep needs two different finite end values, got " + from + " and "
                + to);
        }
        template.with(pointer, template.scenario().value(pointer));
        ConfounderStrength.of(template.scenario().conditions().get(0), confounder);
        targets.check(template.scenario());
        List<FrontierPoint> points = new ArrayList<>();
        double[] warm = template.start();
        for (int i = 0; i < steps; i++) {
            double v = gridValue(from, to, steps, i);
            FrontierPoint p = point(template, targets, pointer, v, true, warm, confounder, false);
            if (p.feasible()) {
                warm = values(p);
            }
            if (!points.isEmpty() && points.get(points.size() - 1).feasible() != p.feasible()) {
                points.add(edge(template, targets, pointer, points.get(points.size() - 1), p, confounder));
            }
            points.add(p);
        }
        points.sort(Comparator.comparingDouble(FrontierPoint::value));
        StructuralModel model = template.scenario().conditions().get(0).model();
        return new Frontier(pointer, label(template, pointer), model.nodes().get(model.exposure()).name(),
            model.nodes().get(model.outcome()).name(), confounder, points);
    }

    /**
     * The i-th grid value, {@code from + i (to - from) / (steps - 1)} rounded to the fewest
     * decimals that keep it within {@link #GRID_ROUNDING} times the larger of its magnitude and
     * the step; the ends are {@code from} and {@code to} as given.
     */
    static double gridValue(double from, double to, int steps, int i) {
        if (i == 0) {
            return from;
        }
        if (i == steps - 1) {
            return to;
        }
        double step = (to - from) / (steps - 1);
        double v = from + i * (to - from) / (steps - 1);
        double scale = Math.max(Math.abs(v), Math.abs(step));
        int lead = (int) Math.floor(Math.log10(scale));
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits <= 17; digits++) {
            double r = exact.setScale(digits - 1 - lead, RoundingMode.HALF_EVEN).doubleValue();
            if (Math.abs(r - v) <= GRID_ROUNDING * scale) {
                return r;
            }
        }
        return v;
    }

    /** Bisects between a compatible and an incompatible neighbour; returns the last compatible point. */
    private static FrontierPoint edge(CalibrationTemplate template, Targets targets, String pointer, FrontierPoint a,
                                      FrontierPoint b, String confounder) {
        FrontierPoint in = a.feasible() ? a : b;
        double out = a.feasible() ? b.value() : a.value();
        FrontierPoint best = null;
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = (in.value() + out) / 2;
            FrontierPoint p = point(template, targets, pointer, mid, false, values(in), confounder, true);
            if (p.feasible()) {
                in = p;
                best = p;
            } else {
                out = mid;
            }
        }
        return best != null ? best
            : point(template, targets, pointer, in.value(), false, values(in), confounder, true);
    }

    private static FrontierPoint point(CalibrationTemplate template, Targets targets, String pointer, double value,
                                       boolean grid, double[] start, String confounder, boolean warmOnly) {
        CalibrationTemplate at = template.with(pointer, value);
        Calibrator calibrator = Calibrator.of(at, targets);
        Calibration c;
        try {
            c = warmOnly ? calibrator.search(start) : calibrator.fit(start);
        } catch (IllegalArgumentException | ScenarioException invalid) {
            if (warmOnly) {
                String why = whyInvalid(at, start);
                return FrontierPoint.invalid(value, grid, "at the neighbouring solution, "
                    + (why == null ? "a target cannot be evaluated" : why));
            }
            // Paths at their lower bounds explain the least variance: the last start to try.
            double[] lower = template.free().stream().mapToDouble(FreeParameter::lower).toArray();
            try {
                c = calibrator.search(lower);
            } catch (IllegalArgumentException | ScenarioException alsoInvalid) {
                String why = whyInvalid(at, start);
                String where = "the previous solution";
                if (why == null) {
                    why = whyInvalid(at, template.start());
                    where = "the template's start";
                }
                return FrontierPoint.invalid(value, grid, "at every start of the search (the previous solution, "
                    + "the template's start, the centre and the lower corner of the bounds); at " + where + ", "
                    + (why == null ? "a target cannot be evaluated" : why));
            }
        }
        Condition condition = c.scenario().conditions().get(0);
        return FrontierPoint.of(value, grid, c, condition.truth().causal(), ConfounderStrength.of(condition, confounder));
    }

    /**
     * The scenario's own complaint at the given free values (pointer and problem, without the
     * template file, which is not at fault), null when the scenario is valid there.
     */
    private static String whyInvalid(CalibrationTemplate template, double[] values) {
        try {
            template.at(values).conditions().get(0);
            return null;
        } catch (ScenarioException s) {
            return (s.pointer().isEmpty() ? "" : s.pointer() + ": ") + s.problem();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A compatible point's fitted values (the start of its neighbours' searches). */
    private static double[] values(FrontierPoint p) {
        return p.calibration().orElseThrow().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String label(CalibrationTemplate template, String pointer) {
        Matcher m = PATH_BETA.matcher(pointer);
        if (m.matches()) {
            List<Path> paths = template.scenario().conditions().get(0).model().paths();
            int i = Integer.parseInt(m.group(1));
            if (i < paths.size()) {
                return paths.get(i).from() + " -> " + paths.get(i).to();
            }
        }
        return pointer;
    }

    /**
     * @return the intervals of swept values compatible with the table, each {from, to}, in
     *     order (ends at located edges or at the sweep's ends)
     */
    public List<double[]> compatibleIntervals() {
        List<double[]> intervals = new ArrayList<>();
        double[] open = null;
        for (FrontierPoint p : points) {
            if (p.feasible()) {
                if (open == null) {
                    open = new double[] {p.value(), p.value()};
                    intervals.add(open);
                }
                open[1] = p.value();
            } else {
                open = null;
            }
        }
        return intervals;
    }

    /** @return the compatible points, by increasing value */
    public List<FrontierPoint> compatible() {
        return points.stream().filter(FrontierPoint::feasible).toList();
    }

    /**
     * @return the first compatible point whose population causal r is 0 (within
     *     {@value #NULL_CAUSAL}), a null world, if the sweep has one
     */
    public Optional<FrontierPoint> nullWorld() {
        return points.stream().filter(p -> p.feasible() && Math.abs(p.causal()) <= NULL_CAUSAL).findFirst();
    }

    /** @return whether the swept field is the path from the exposure to the outcome */
    public boolean sweepsTheCausalPath() {
        return PATH_BETA.matcher(pointer).matches() && label.equals(exposure + " -> " + outcome);
    }

    /**
     * The headline: the range of causal effects the table allows and the confounder strength
     * that a null world (a compatible point whose population causal r is 0) needs, in the
     * terms of the scenario's exposure and outcome; without a null world, why there is none.
     *
     * @return one or two sentences
     */
    public String headline() {
        List<FrontierPoint> ok = compatible();
        if (ok.isEmpty()) {
            return "No value of " + label + " in the sweep reproduces the table within the targets' tolerances.";
        }
        double lo = ok.stream().mapToDouble(FrontierPoint::causal).min().orElseThrow();
        double hi = ok.stream().mapToDouble(FrontierPoint::causal).max().orElseThrow();
        List<double[]> intervals = compatibleIntervals();
        StringBuilder ranges = new StringBuilder();
        for (double[] iv : intervals) {
            ranges.append(ranges.length() == 0 ? "" : ", ").append(f(iv[0])).append(" to ").append(f(iv[1]));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
            "The table allows population causal r from %s to %s (%s from %s)", f(lo), f(hi), label, ranges));
        FrontierPoint first = points.get(0);
        FrontierPoint last = points.get(points.size() - 1);
        if (last.feasible() || first.feasible()) {
            String ends = first.feasible() && last.feasible() ? "both ends are" : "the " + f(first.feasible()
                ? first.value() : last.value()) + " end is";
            s.append("; of the sweep, ").append(ends)
                .append(" still compatible, so the range may extend beyond the sweep");
        }
        s.append('.');
        Optional<FrontierPoint> nul = nullWorld();
        if (nul.isPresent()) {
            FrontierPoint p = nul.get();
            s.append(String.format(Locale.ROOT, " A null world (causal r = 0, at %s = %s) needs an unmeasured "
                + "confounder with partial R2 %s with %s given the covariates and %s with %s given %s and the "
                + "covariates.", label, plain(p.value()), f(p.strength().exposure()), exposure,
                f(p.strength().outcome()), outcome, exposure));
        } else {
            s.append(' ').append(noNullWorld());
        }
        return s.toString();
    }

    /** Why the headline gives no null world's confounding. */
    private String noNullWorld() {
        if (!sweepsTheCausalPath()) {
            return "No compatible point of the sweep is a null world (population causal r = 0); sweep " + exposure
                + " -> " + outcome + " through 0 for the confounding a null world needs.";
        }
        Optional<FrontierPoint> zero = points.stream().filter(p -> p.value() == 0).findFirst();
        if (zero.isEmpty()) {
            return "The sweep does not include " + label + " = 0 (the null world).";
        }
        if (!zero.get().feasible()) {
            return "The sweep has no compatible world with " + label + " = 0.";
        }
        return "At " + label + " = 0 the population causal r is " + f(zero.get().causal())
            + ", not 0 (a moderator level sets the path), so the sweep has no null world.";
    }

    /** A swept value as the shortest decimal that reads back as it. */
    private static String plain(double v) {
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
