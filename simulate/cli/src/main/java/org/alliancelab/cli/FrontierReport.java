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
import org.alliancelab.simulate.calibration.Frontier;
import org.alliancelab.simulate.calibration.FrontierPoint;
import org.alliancelab.simulate.calibration.MonteCarloCheck;
import org.alliancelab.simulate.calibration.TargetFit;

/**
 * What {@code frontier} prints and writes: the table and headline, {@code frontier.csv} (one
 * row per swept value, located edges included), {@code frontier.json} and the plot.
 */
final class FrontierReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Frontier frontier;
    private final List<FrontierPoint> checked;
    private final List<MonteCarloCheck> checks;

    private FrontierReport(Frontier frontier, List<FrontierPoint> checked, List<MonteCarloCheck> checks) {
        this.frontier = frontier;
        this.checked = List.copyOf(checked);
        this.checks = List.copyOf(checks);
    }

    static FrontierReport of(Frontier frontier, List<FrontierPoint> checked, List<MonteCarloCheck> checks) {
        return new FrontierReport(frontier, checked, checks);
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
            s.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %11.4f %11.4f %10.2f  %s%n",
                String.format(Locale.ROOT, "%.6f", p.value()), p.causal(), p.strength().exposure(),
                p.strength().outcome(), p.calibration().worstResidualInTolerances(),
                (p.feasible() ? "yes" : "no") + (p.grid() ? "" : " (edge, bisection)")));
        }
        s.append('\n').append(frontier.headline()).append('\n');
        for (int i = 0; i < checks.size(); i++) {
            FrontierPoint p = checked.get(i);
            s.append(String.format(Locale.ROOT, "%nSimulation check at %s = %.6f (%d replications, Monte Carlo means "
                + "of the studies' z, back-transformed):%n", label, p.value(), checks.get(i).replications()));
            s.append(CalibrationReport.text(p.calibration(), checks.get(i)));
        }
        return s.toString();
    }

    String csv() {
        Calibration first = frontier.points().get(0).calibration();
        List<String> header = new ArrayList<>(List.of("point", "value", "compatible", "causal_r",
            "partial_r2_exposure", "partial_r2_outcome", "max_residual_in_tolerances"));
        first.parameters().forEach(p -> header.add("fitted:" + p.name()));
        first.fits().forEach(f -> header.add("value:" + f.target().name()));
        first.fits().forEach(f -> header.add("residual:" + f.target().name()));
        StringBuilder s = new StringBuilder(String.join(",", header.stream().map(FrontierReport::quote).toList()))
            .append('\n');
        for (FrontierPoint p : frontier.points()) {
            List<String> row = new ArrayList<>(List.of(p.grid() ? "grid" : "edge", num(p.value()),
                Boolean.toString(p.feasible()), num(p.causal()), num(p.strength().exposure()),
                num(p.strength().outcome()), num(p.calibration().worstResidualInTolerances())));
            p.calibration().values().forEach(v -> row.add(num(v)));
            p.calibration().fits().forEach(f -> row.add(num(f.fitted())));
            p.calibration().fits().forEach(f -> row.add(num(f.residual())));
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
            putNumber(o, "causal_r", p.causal());
            putNumber(o, "partial_r2_exposure", p.strength().exposure());
            putNumber(o, "partial_r2_outcome", p.strength().outcome());
            putNumber(o, "max_residual_in_tolerances", p.calibration().worstResidualInTolerances());
            ObjectNode fitted = o.putObject("parameters");
            for (int i = 0; i < p.calibration().parameters().size(); i++) {
                fitted.put(p.calibration().parameters().get(i).name(), p.calibration().values().get(i));
            }
            ArrayNode fits = o.putArray("targets");
            for (TargetFit f : p.calibration().fits()) {
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
