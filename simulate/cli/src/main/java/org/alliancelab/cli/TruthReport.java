package org.alliancelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.simulate.model.PanelTruth;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.analysis.InstrumentalVariableAnalysis;
import org.alliancelab.simulate.model.InstrumentalTruth;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.SummaryJson;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;

/**
 * The {@code truth} command's result as text or JSON.
 *
 * <p>JSON: {@code {"scenario", "source", "conditions": [{"index", "factors": {factor: level},
 * "truth": T, "reporters": T, "moderators": {moderator: {level: T}}, "truth_at_mean_paths": T,
 * "quadrature_error"}]}} where T is {@code {"unadjusted", "adjusted", "adjusted_latent",
 * "causal", "total_effect", "direct_effect"}} at full double precision, null for a value that
 * does not exist. {@code truth}, {@code reporters} and {@code moderators} are expectations over
 * the between-study variation of the paths (what the pooled analyses estimate);
 * {@code truth_at_mean_paths} is the all-studies value at the mean coefficients and
 * {@code quadrature_error} the stated error of the expectations (z scale for correlations).
 * A session-by-session condition adds {@code "panel": {"cross_lagged", "between_person",
 * "naive_lagged_limit", "within_lagged_limit"}} ({@code PanelTruth}).
 */
final class TruthReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Scenario scenario;

    private TruthReport(Scenario scenario) {
        this.scenario = scenario;
    }

    static TruthReport of(Scenario scenario) {
        return new TruthReport(scenario);
    }

    private static ObjectNode node(TruthValues t) {
        ObjectNode o = MAPPER.createObjectNode();
        for (Estimand e : Estimand.TRUTHS) {
            SummaryJson.putNumber(o, e.key(), e.of(t));
        }
        return o;
    }

    String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario.name());
        root.put("source", scenario.source());
        ArrayNode conditions = root.putArray("conditions");
        for (Condition c : scenario.conditions()) {
            ObjectNode o = conditions.addObject();
            o.put("index", c.index());
            ObjectNode factors = o.putObject("factors");
            c.factors().forEach(factors::put);
            o.set("truth", node(c.truth()));
            o.set("reporters", node(c.truthAmongReporters()));
            ObjectNode moderators = o.putObject("moderators");
            for (Map.Entry<String, Map<String, TruthValues>> m : c.truthByModerator().entrySet()) {
                ObjectNode levels = moderators.putObject(m.getKey());
                m.getValue().forEach((level, t) -> levels.set(level, node(t)));
            }
            o.set("truth_at_mean_paths", node(c.truthAtMeanPaths()));
            o.put("quadrature_error", c.truthError());
            c.design().sessions().ifPresent(s -> {
                PanelTruth p = PanelTruth.of(s);
                ObjectNode panel = o.putObject("panel");
                SummaryJson.putNumber(panel, Estimand.CROSS_LAGGED.key(), p.crossLagged());
                SummaryJson.putNumber(panel, "between_person", p.betweenPerson());
                SummaryJson.putNumber(panel, Estimand.NAIVE_LAGGED_LIMIT.key(), p.naiveLagged());
                SummaryJson.putNumber(panel, Estimand.WITHIN_LAGGED_LIMIT.key(), p.withinLagged());
            });
            if (c.model().instrument() >= 0) {
                InstrumentalTruth iv = InstrumentalVariableAnalysis.truth(c);
                ObjectNode n = o.putObject("instrumental_variable");
                n.put(Estimand.IV_ESTIMAND.key(), iv.estimand());
                n.put(Estimand.IV_CAUSAL_EFFECT.key(), iv.causalEffect());
                n.put("first_stage_correlation", iv.firstStageCorrelation());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(int digits) {
        StringBuilder b = new StringBuilder();
        int conditions = scenario.conditions().size();
        b.append("Population values of scenario ").append(scenario.name()).append(" (").append(conditions)
            .append(conditions == 1 ? " condition" : " conditions")
            .append("; covariance algebra, averaged over the studies' path coefficients)\n");
        int width = Math.max(digits + 4, 16);
        for (Condition c : scenario.conditions()) {
            b.append('\n').append("condition ").append(c.index());
            if (!c.factors().isEmpty()) {
                b.append(':');
                String sep = " ";
                for (Map.Entry<String, Double> f : c.factors().entrySet()) {
                    b.append(sep).append(f.getKey()).append(" = ").append(org.alliancelab.report.Numbers.level(f.getValue()));
                    sep = ", ";
                }
            }
            b.append('\n');
            int label = 28;
            for (Map.Entry<String, Map<String, TruthValues>> m : c.truthByModerator().entrySet()) {
                for (String level : m.getValue().keySet()) {
                    label = Math.max(label, m.getKey().length() + level.length() + 3);
                }
            }
            b.append(pad("", label));
            for (Estimand e : Estimand.TRUTHS) {
                b.append(padLeft(e.key(), width));
            }
            b.append('\n');
            row(b, "all studies", c.truth(), label, width, digits);
            if (c.design().sessions().isPresent()) {
                PanelTruth p = PanelTruth.of(c.design().sessions().get());
                b.append(String.format(Locale.ROOT, "Session by session: cross-lagged effect (causal) %s; the limits"
                        + " of the between-person correlation %s (the unadjusted value above), the naive lagged"
                        + " regression %s and the within-person lagged effect at %d sessions %s%n",
                    format(p.crossLagged(), digits), format(p.betweenPerson(), digits),
                    format(p.naiveLagged(), digits), c.design().sessions().get().sessions(),
                    format(p.withinLagged(), digits)));
            }
            if (!c.truthAmongReporters().equals(c.truth())) {
                row(b, "reporting adjusted estimates", c.truthAmongReporters(), label, width, digits);
            }
            for (Map.Entry<String, Map<String, TruthValues>> m : c.truthByModerator().entrySet()) {
                for (Map.Entry<String, TruthValues> level : m.getValue().entrySet()) {
                    row(b, m.getKey() + " = " + level.getKey(), level.getValue(), label, width, digits);
                }
            }
            if (!c.truthAtMeanPaths().equals(c.truth())) {
                row(b, "all studies, at mean paths", c.truthAtMeanPaths(), label, width, digits);
                b.append(String.format(Locale.ROOT, "Paths vary between studies: each value is the mean over the studies'"
                    + " draws (redraw rule included; quadrature error %.1e on the z scale), the target of the"
                    + " pooled analyses; the last row is the model at the mean paths.%n", c.truthError()));
            }
            if (c.model().instrument() >= 0) {
                InstrumentalTruth iv = InstrumentalVariableAnalysis.truth(c);
                b.append("encouragement trial (randomized '").append(c.model().nodes().get(c.model().instrument()).name())
                    .append("'): IV estimand cov(Z, Y)/cov(Z, X) ").append(format(iv.estimand(), digits))
                    .append(", causal effect on its scale (total_effect * sqrt(rel_y / rel_x)) ")
                    .append(format(iv.causalEffect(), digits)).append(", first-stage correlation ")
                    .append(format(iv.firstStageCorrelation(), digits)).append(" (at the mean paths)\n");
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, TruthValues t, int labelWidth, int width, int digits) {
        b.append(pad(label, labelWidth));
        for (Estimand e : Estimand.TRUTHS) {
            double v = e.of(t);
            b.append(padLeft(format(v, digits), width));
        }
        b.append('\n');
    }

    private static String format(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        // A value that rounds to zero prints without a sign ("-0.000" reads as a negative estimate).
        return s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9') ? s.substring(1) : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }
}
