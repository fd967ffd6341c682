package org.alliancelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.simulate.calibration.Target;
import org.alliancelab.simulate.calibration.Targets;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SummaryJson;
import org.alliancelab.simulate.results.Verdict;

/**
 * The machine-readable results of {@code simulate --format json} and {@code compare --format
 * json|csv}.
 *
 * <p>JSON: {@code {"runs": [{"directory", "summary": <the run's summary.json>}], "verdicts":
 * [{"analysis", "world_a", "world_b", "rejection_a", "mcse_a", "rejection_b", "mcse_b",
 * "difference", "difference_mcse", "auc", "auc_mcse", "studies", "conclusion", "sentence"}],
 * "note"}}; the verdicts compare the first condition of the first run with the first condition
 * of each other run, as the text does ({@link Verdict#ofWorlds}). CSV: one tidy row per run x
 * condition x measure, {@code scenario,condition,factors,analysis,measure,estimand,value,mcse,
 * replications} ({@code factors}: {@code factor=level} joined by {@code ;}, each factor by its name, or its
 * pointer when unnamed).
 *
 * <p>With {@code --targets FILE}, JSON adds {@code "targets": [{"name", "estimand", "studies",
 * "moderator", "level", "value", "tolerance", "runs": [{"scenario", "condition", "factors",
 * "source", "analysis", "measure", "mean", "mcse", "replications"}]}]}, {@code source} being
 * {@code monte_carlo} (the mean of the analysis that estimates the target) or {@code population}
 * (the condition's population value, for an estimand no analysis estimates: then analysis and
 * measure are null and mcse is 0); and CSV is that table instead, one tidy row per target x run x
 * condition: {@code target,estimand,value,tolerance,scenario,condition,factors,source,analysis,
 * measure,mean,mcse,replications}.
 */
final class ComparisonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComparisonReport() {
    }

    /** One target held against one condition of one run. */
    private record Held(Target target, RunSummary run, ConditionSummary condition, ResultTables.TargetSource source,
                        double mean, double mcse, long replications) {
    }

    private static List<Held> held(Targets targets, List<RunSummary> runs) {
        List<Held> out = new ArrayList<>();
        for (Target t : targets.targets()) {
            ResultTables.TargetSource source = ResultTables.TargetSource.of(t);
            for (RunSummary r : runs) {
                for (ConditionSummary c : r.conditions()) {
                    if (source.population() != null) {
                        out.add(new Held(t, r, c, source, source.populationValue(t, c.info()), 0, c.replications()));
                        continue;
                    }
                    Optional<Measure> m = c.find(source.analysis(), source.measure(), "");
                    out.add(new Held(t, r, c, source, m.map(Measure::value).orElse(Double.NaN),
                        m.map(Measure::mcse).orElse(Double.NaN), m.map(Measure::replications).orElse(0L)));
                }
            }
        }
        return out;
    }

    static String json(List<RunSummary> runs, List<Path> dirs, List<Map<Integer, Map<String, double[]>>> pValues,
                       Optional<Targets> targets) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode r = list.addObject();
            r.put("directory", dirs.get(i).toString());
            r.set("summary", SummaryJson.toTree(runs.get(i), MAPPER));
        }
        ArrayNode verdicts = root.putArray("verdicts");
        for (Verdict.Against against : verdicts(runs, pValues)) {
            Verdict v = against.verdict();
            ObjectNode o = verdicts.addObject();
            o.put("analysis", v.analysis());
            o.put("world_a", v.worldA());
            o.put("world_b", v.worldB());
            SummaryJson.putNumber(o, "rejection_a", v.rejectionA());
            SummaryJson.putNumber(o, "mcse_a", v.mcseA());
            SummaryJson.putNumber(o, "rejection_b", v.rejectionB());
            SummaryJson.putNumber(o, "mcse_b", v.mcseB());
            SummaryJson.putNumber(o, "difference", v.difference());
            SummaryJson.putNumber(o, "difference_mcse", v.differenceMcse());
            SummaryJson.putNumber(o, "auc", v.discrimination().auc());
            SummaryJson.putNumber(o, "auc_mcse", v.discrimination().mcse());
            SummaryJson.putNumber(o, "studies", v.studies());
            o.put("conclusion", v.conclusion().name().toLowerCase(java.util.Locale.ROOT));
            o.put("sentence", v.sentence());
        }
        targets.ifPresent(t -> putTargets(root.putArray("targets"), t, runs));
        root.put("note", Verdict.NON_COLLAPSIBILITY);
        try {
            return SummaryJson.print(root, MAPPER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putTargets(ArrayNode array, Targets targets, List<RunSummary> runs) {
        List<Held> held = held(targets, runs);
        for (Target t : targets.targets()) {
            ObjectNode o = array.addObject();
            o.put("name", t.name());
            o.put("estimand", t.estimand());
            o.put("studies", t.studies().name().toLowerCase(java.util.Locale.ROOT));
            o.put("moderator", t.moderator());
            o.put("level", t.level());
            SummaryJson.putNumber(o, "value", t.value());
            SummaryJson.putNumber(o, "tolerance", t.tolerance());
            ArrayNode each = o.putArray("runs");
            for (Held h : held) {
                if (h.target() != t) {
                    continue;
                }
                ObjectNode r = each.addObject();
                r.put("scenario", h.run().scenario());
                r.put("condition", h.condition().info().index());
                ObjectNode factors = r.putObject("factors");
                h.condition().info().factors().forEach((k, v) -> SummaryJson.putNumber(factors, k, v));
                r.put("source", h.source().population() == null ? "monte_carlo" : "population");
                r.put("analysis", h.source().analysis());
                r.put("measure", h.source().measure());
                SummaryJson.putNumber(r, "mean", h.mean());
                SummaryJson.putNumber(r, "mcse", h.mcse());
                r.put("replications", h.replications());
            }
        }
    }

    /** The targets table of {@code compare --targets FILE --format csv}. */
    static String targetsCsv(Targets targets, List<RunSummary> runs) {
        StringBuilder b = new StringBuilder(
            "target,estimand,value,tolerance,scenario,condition,factors,source,analysis,measure,mean,mcse,replications\n");
        for (Held h : held(targets, runs)) {
            Target t = h.target();
            b.append(Csv.text(t.name())).append(',').append(Csv.text(t.estimand())).append(',')
                .append(Csv.number(t.value())).append(',').append(Csv.number(t.tolerance())).append(',')
                .append(Csv.text(h.run().scenario())).append(',').append(h.condition().info().index()).append(',')
                .append(Csv.text(factors(h.condition()))).append(',')
                .append(h.source().population() == null ? "monte_carlo" : "population").append(',')
                .append(Csv.text(h.source().analysis() == null ? "" : h.source().analysis())).append(',')
                .append(Csv.text(h.source().measure() == null ? "" : h.source().measure())).append(',')
                .append(Csv.number(h.mean())).append(',').append(Csv.number(h.mcse())).append(',')
                .append(h.replications()).append('\n');
        }
        return b.toString();
    }

    /** A condition's factors, {@code factor=level} joined by {@code ;}. */
    private static String factors(ConditionSummary c) {
        List<String> f = new ArrayList<>();
        c.info().factors().forEach((k, v) -> f.add(k + "=" + Csv.number(v)));
        return String.join(";", f);
    }

    static String csv(List<RunSummary> runs) {
        StringBuilder b = new StringBuilder("scenario,condition,factors,analysis,measure,estimand,value,mcse,replications\n");
        for (RunSummary r : runs) {
            for (ConditionSummary c : r.conditions()) {
                for (Measure m : c.measures()) {
                    b.append(Csv.text(r.scenario())).append(',').append(c.info().index()).append(',')
                        .append(Csv.text(factors(c))).append(',').append(Csv.text(m.analysis())).append(',')
                        .append(Csv.text(m.measure())).append(',').append(Csv.text(m.estimand())).append(',')
                        .append(Csv.number(m.value())).append(',').append(Csv.number(m.mcse())).append(',')
                        .append(m.replications()).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static List<Verdict.Against> verdicts(List<RunSummary> runs, List<Map<Integer, Map<String, double[]>>> pValues) {
        List<String> labels = new ArrayList<>();
        List<ConditionSummary> worlds = new ArrayList<>();
        List<Map<String, double[]>> p = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ConditionSummary c = runs.get(i).conditions().get(0);
            labels.add(runs.get(i).scenario());
            worlds.add(c);
            p.add(pValues.get(i).getOrDefault(c.info().index(), Map.of()));
        }
        return Verdict.ofWorlds(labels, worlds, p);
    }
}
