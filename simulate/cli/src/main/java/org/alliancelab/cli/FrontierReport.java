package org.alliancelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancelab.plot.Figure;
import org.alliancelab.plot.FrontierPlot;
import org.alliancelab.simulate.calibration.Calibration;
import org.alliancelab.simulate.calibration.FreeParameter;
import org.alliancelab.simulate.calibration.Frontier;
import org.alliancelab.simulate.calibration.FrontierPoint;
import org.alliancelab.simulate.calibration.MonteCarloCheck;
import org.alliancelab.simulate.calibration.Target;
import org.alliancelab.simulate.calibration.TargetFit;

/**
 * What {@code frontier} prints and writes: the table and headline, {@code frontier.csv} (one
 * row per swept value, located edges included), {@code frontier.json} and the plot. A point
 * without a calibration (the model invalid at its value) has NA (CSV) or null (JSON) numbers
 * and its reason in {@code note}.
 */
final class FrontierReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Frontier frontier;
    private final List<FreeParameter> parameters;
    private final List<Target> targets;
    private final List<FrontierPoint> checked;
    private final List<MonteCarloCheck> checks;

    private FrontierReport(Frontier frontier, List<FreeParameter> parameters, List<Target> targets,
                           List<FrontierPoint> checked, List<MonteCarloCheck> checks) {
        this.frontier = frontier;
        this.parameters = List.copyOf(parameters);
        this.targets = List.copyOf(targets);
        this.checked = List.copyOf(checked);
        this.checks = List.copyOf(checks);
    }

    /**
     * @param frontier the frontier
     * @param parameters the template's free parameters (the CSV's fitted columns)
     * @param targets the targets (the CSV's value and residual columns)
     * @param checked the points simulated with {@code --reps}
     * @param checks their simulation checks
     */
    static FrontierReport of(Frontier frontier, List<FreeParameter> parameters, List<Target> targets,
                             List<FrontierPoint> checked, List<MonteCarloCheck> checks) {
        return new FrontierReport(frontier, parameters, targets, checked, checks);
    }

    String text() {
        StringBuilder s = new StringBuilder();
        String label = frontier.label();
        int w = Math.max(12, label.length());
        s.append(String.format(Locale.ROOT, "%-" + w + "s %9s %11s %11s %10s  %s%n", label, "causal r",
            "R2 exposure", "R2 outcome", "max |res|", "table reproduced"));
        s.append(String.format(Locale.ROOT, "%-" + w + "s %9s %11s %11s %10s%n", "", "", "(D~U|X)", "(Y~U|D,X)",
            "/tol"));
        for (FrontierPoint p : frontier.points()) {
            String value = String.format(Locale.ROOT, "%.6f", p.value());
            if (p.calibration().isEmpty()) {
                s.append(String.format(Locale.ROOT, "%-" + w + "s %9s %11s %11s %10s  no: %s%n", value, "NA", "NA",
                    "NA", "NA", p.note()));
                continue;
            }
            s.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %11.4f %11.4f %10.2f  %s%n",
                value, p.causal(), p.strength().exposure(), p.strength().outcome(), p.worstResidualInTolerances(),
                (p.feasible() ? "yes" : "no") + (p.grid() ? "" : " (edge, bisection)")));
        }
        s.append('\n').append(frontier.headline()).append('\n');
        for (int i = 0; i < checks.size(); i++) {
            FrontierPoint p = checked.get(i);
            s.append(String.format(Locale.ROOT, "%nSimulation check at %s = %.6f (%d replications, Monte Carlo means "
                + "of the studies' z, back-transformed):%n", label, p.value(), checks.get(i).replications()));
            s.append(CalibrationReport.text(p.calibration().orElseThrow(), checks.get(i)));
        }
        return s.toString();
    }

    String csv() {
        List<String> header = new ArrayList<>(List.of("point", "value", "compatible", "causal_r",
            "partial_r2_exposure", "partial_r2_outcome", "max_residual_in_tolerances"));
        parameters.forEach(p -> header.add("fitted:" + p.name()));
        targets.forEach(t -> header.add("value:" + t.name()));
        targets.forEach(t -> header.add("residual:" + t.name()));
        header.add("note");
        StringBuilder s = new StringBuilder(String.join(",", header.stream().map(FrontierReport::quote).toList()))
            .append('\n');
        for (FrontierPoint p : frontier.points()) {
            List<String> row = new ArrayList<>(List.of(p.grid() ? "grid" : "edge", num(p.value()),
                Boolean.toString(p.feasible()), num(p.causal()), num(p.strength().exposure()),
                num(p.strength().outcome()), num(p.worstResidualInTolerances())));
            if (p.calibration().isPresent()) {
                Calibration c = p.calibration().get();
                c.values().forEach(v -> row.add(num(v)));
                c.fits().forEach(f -> row.add(num(f.fitted())));
                c.fits().forEach(f -> row.add(num(f.residual())));
            } else {
                for (int i = 0; i < parameters.size() + 2 * targets.size(); i++) {
                    row.add(num(Double.NaN));
                }
            }
            row.add(quote(p.note()));
            s.append(String.join(",", row)).append('\n');
        }
        return s.toString();
    }

    String json(String template, String targets) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("template", template);
        root.put("targets", targets);
        ObjectNode sweep = root.putObject("sweep");
        sweep.put("path", frontier.pointer());
        sweep.put("label", frontier.label());
        root.put("confounder", frontier.confounder());
        root.put("headline", frontier.headline());
        ArrayNode intervals = root.putArray("compatible_intervals");
        for (double[] iv : frontier.compatibleIntervals()) {
            intervals.addArray().add(iv[0]).add(iv[1]);
        }
        ArrayNode points = root.putArray("points");
        for (FrontierPoint p : frontier.points()) {
            ObjectNode o = points.addObject();
            o.put("value", p.value());
            o.put("grid", p.grid());
            o.put("compatible", p.feasible());
            o.put("note", p.note());
            putNumber(o, "causal_r", p.causal());
            putNumber(o, "partial_r2_exposure", p.strength().exposure());
            putNumber(o, "partial_r2_outcome", p.strength().outcome());
            putNumber(o, "max_residual_in_tolerances", p.worstResidualInTolerances());
            ObjectNode fitted = o.putObject("parameters");
            ArrayNode fits = o.putArray("targets");
            if (p.calibration().isEmpty()) {
                parameters.forEach(q -> fitted.putNull(q.name()));
                for (Target t : this.targets) {
                    fits.addObject().put("name", t.name()).put("value", t.value()).put("tolerance", t.tolerance())
                        .putNull("fitted").putNull("residual");
                }
                continue;
            }
            Calibration c = p.calibration().get();
            for (int i = 0; i < c.parameters().size(); i++) {
                fitted.put(c.parameters().get(i).name(), c.values().get(i));
            }
            for (TargetFit f : c.fits()) {
                fits.addObject().put("name", f.target().name()).put("value", f.target().value())
                    .put("tolerance", f.target().tolerance()).put("fitted", f.fitted()).put("residual", f.residual());
            }
        }
        ArrayNode mc = root.putArray("simulation_checks");
        for (int i = 0; i < checks.size(); i++) {
            ObjectNode o = mc.addObject();
            o.put("value", checked.get(i).value());
            o.put("replications", checks.get(i).replications());
            ArrayNode means = o.putArray("targets");
            for (int t = 0; t < checks.get(i).targets().size(); t++) {
                double m = checks.get(i).means().get(t);
                ObjectNode e = means.addObject().put("name", checks.get(i).targets().get(t).name());
                if (Double.isNaN(m)) {
                    e.putNull("monte_carlo_mean");
                } else {
                    e.put("monte_carlo_mean", m);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Figure plot() {
        List<FrontierPlot.Point> points = frontier.points().stream().map(p -> new FrontierPlot.Point(p.causal(),
            p.strength().exposure(), p.strength().outcome(), p.feasible())).toList();
        return FrontierPlot.of(FrontierPlot.ofConfounder(frontier.confounder(), points), 720, 460);
    }

    /** JSON has no NaN: an undefined value is {@code null}, as the report's reader expects. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NA" : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
