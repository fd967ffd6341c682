package org.alliancelab.simulate.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.scenario.Condition;

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
 * bracket's width of it.
 *
 * @param pointer the swept field
 * @param label the swept parameter in words ("alliance -> outcome" for a path's beta)
 * @param confounder the unmeasured confounder whose strength is reported
 * @param points grid points and located edges, by increasing value
 */
public record Frontier(String pointer, String label, String confounder, List<FrontierPoint> points) {
    /** Halvings of the bracket around an edge of the compatible set. */
    public static final int BISECTIONS = 16;
    private static final Pattern PATH_BETA = Pattern.compile("/model/paths/(\\d+)/beta");

    /**
     * Copies the list.
     *
     * @param pointer the swept field
     * @param label the swept parameter in words
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
            double v = i == steps - 1 ? to : from + i * (to - from) / (steps - 1);
            FrontierPoint p = point(template, targets, pointer, v, true, warm, confounder, false);
            if (p.feasible()) {
                warm = values(p.calibration());
            }
            if (!points.isEmpty() && points.get(points.size() - 1).feasible() != p.feasible()) {
                points.add(edge(template, targets, pointer, points.get(points.size() - 1), p, confounder));
            }
            points.add(p);
        }
        points.sort(Comparator.comparingDouble(FrontierPoint::value));
        return new Frontier(pointer, label(template, pointer), confounder, points);
    }

    /** Bisects between a compatible and an incompatible neighbour; returns the last compatible point. */
    private static FrontierPoint edge(CalibrationTemplate template, Targets targets, String pointer, FrontierPoint a,
                                      FrontierPoint b, String confounder) {
        FrontierPoint in = a.feasible() ? a : b;
        double out = a.feasible() ? b.value() : a.value();
        FrontierPoint best = null;
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = (in.value() + out) / 2;
            FrontierPoint p = point(template, targets, pointer, mid, false, values(in.calibration()), confounder,
                true);
            if (p.feasible()) {
                in = p;
                best = p;
            } else {
                out = mid;
            }
        }
        return best != null ? best
            : point(template, targets, pointer, in.value(), false, values(in.calibration()), confounder, true);
    }

    private static FrontierPoint point(CalibrationTemplate template, Targets targets, String pointer, double value,
                                       boolean grid, double[] start, String confounder, boolean warmOnly) {
        Calibrator calibrator = Calibrator.of(template.with(pointer, value), targets);
        Calibration c = warmOnly ? calibrator.search(start) : calibrator.fit(start);
        Condition condition = c.scenario().conditions().get(0);
        return new FrontierPoint(value, grid, c, condition.truth().causal(),
            ConfounderStrength.of(condition, confounder));
    }

    private static double[] values(Calibration c) {
        return c.values().stream().mapToDouble(Double::doubleValue).toArray();
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
     * @return the compatible point whose swept value is 0 (the null world when the sweep is
     *     the causal path), if the sweep has one
     */
    public java.util.Optional<FrontierPoint> atZero() {
        return points.stream().filter(p -> p.value() == 0 && p.feasible()).findFirst();
    }

    /**
     * The headline: the range of causal effects the table allows and the confounder strength
     * that a null world needs.
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
        atZero().ifPresentOrElse(p -> s.append(String.format(Locale.ROOT,
            " A null world (%s = 0) needs an unmeasured confounder with partial R2 %s with %s given the covariates "
                + "and %s with %s given %s and the covariates.", label, f(p.strength().exposure()),
            exposure(), f(p.strength().outcome()), outcome(), exposure())),
            () -> s.append(" The sweep has no compatible world with ").append(label).append(" = 0."));
        return s.toString();
    }

    private String exposure() {
        return label.contains(" -> ") ? label.substring(0, label.indexOf(" -> ")) : "the exposure";
    }

    private String outcome() {
        return label.contains(" -> ") ? label.substring(label.indexOf(" -> ") + 4) : "the outcome";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
