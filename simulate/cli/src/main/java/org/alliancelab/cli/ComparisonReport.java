package org.alliancelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
final class ComparisonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComparisonReport() {
    }

    static String json(List<RunSummary> runs, List<Path> dirs, List<Map<Integer, Map<String, double[]>>> pValues) {
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
        root.put("note", Verdict.NON_COLLAPSIBILITY);
        try {
            return SummaryJson.print(root, MAPPER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(List<RunSummary> runs) {
        StringBuilder b = new StringBuilder("scenario,condition,factors,analysis,measure,estimand,value,mcse,replications\n");
        for (RunSummary r : runs) {
            for (ConditionSummary c : r.conditions()) {
                List<String> f = new ArrayList<>();
                c.info().factors().forEach((k, v) -> f.add(k + "=" + Csv.number(v)));
                for (Measure m : c.measures()) {
                    b.append(Csv.text(r.scenario())).append(',').append(c.info().index()).append(',')
                        .append(Csv.text(String.join(";", f))).append(',').append(Csv.text(m.analysis())).append(',')
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
