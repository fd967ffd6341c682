package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.simulate.montecarlo.io.Csv;

/**
 * Writes the final output of a run from finished blocks, reading them in (condition,
 * replication) order: {@code replications.csv} row by row while the measures accumulate, then
 * {@code summary.json} and {@code summary.csv}. Because every output is computed from the
 * stored block records in the same order, a run, a resumed run and collected shards give
 * byte-identical files. No timestamps go into these files.
 */
final class OutputFiles {
    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_CSV = "summary.csv";
    static final String REPLICATIONS_CSV = "replications.csv";

    private OutputFiles() {
    }

    /**
     * @param design the design
     * @param source the finished blocks (all must be present)
     * @param outDir output directory
     * @param mapper JSON mapper
     * @return the condition summaries
     * @throws IOException on a file error
     */
    static List<ConditionSummary> write(MonteCarloDesign design, BlockSource source, Path outDir, ObjectMapper mapper)
        throws IOException {
        Files.createDirectories(outDir);
        WorkPlan plan = new WorkPlan(design.conditions().size(), design.replications());
        RecordLayout layout = design.layout();
        List<String> factorNames = factorNames(design);
        List<ConditionSummary> summaries = new ArrayList<>();
        AtomicFiles.write(outDir.resolve(REPLICATIONS_CSV), w -> {
            w.write("condition,replication");
            for (String f : factorNames) {
                w.write(',');
                w.write(Csv.text(f));
            }
            for (String c : layout.columns()) {
                w.write(',');
                w.write(Csv.text(c));
            }
            w.write(",failures\n");
            StringBuilder sb = new StringBuilder(1024);
            for (ConditionInfo info : design.conditions()) {
                int c = info.index();
                List<MeasureAccumulator> acc = new ArrayList<>();
                for (MeasureSpec spec : design.measures(c)) {
                    acc.add(MeasureAccumulator.of(spec, layout, info.alpha()));
                }
                List<ConditionSummary.FailedReplication> failed = new ArrayList<>();
                String factorCells = factorCells(info, factorNames);
                for (int b = 0; b < plan.blocksPerCondition(); b++) {
                    FormattedBlock block = source.readFormatted(c, b, plan.firstReplication(b), plan.endReplication(b));
                    for (int i = 0; i < block.records().size(); i++) {
                        ReplicationRecord r = block.records().get(i);
                        sb.setLength(0);
                        sb.append(c).append(',').append(r.replication()).append(factorCells).append(block.tails().get(i));
                        w.write(sb.toString());
                        for (MeasureAccumulator a : acc) {
                            a.add(r.values());
                        }
                        if (!r.failures().isEmpty()) {
                            failed.add(new ConditionSummary.FailedReplication(c, r.replication(), r.failures()));
                        }
                    }
                }
                List<Measure> measures = new ArrayList<>();
                for (MeasureAccumulator a : acc) {
                    measures.addAll(a.measures());
                }
                summaries.add(new ConditionSummary(info, design.replications(), measures, failed));
            }
        });
        writeSummaryCsv(outDir.resolve(SUMMARY_CSV), factorNames, summaries);
        writeSummaryJson(outDir.resolve(SUMMARY_JSON), design, summaries, mapper);
        return summaries;
    }

    private static List<String> factorNames(MonteCarloDesign design) {
        return design.conditions().isEmpty() ? List.of() : new ArrayList<>(design.conditions().get(0).factors().keySet());
    }

    private static String factorCells(ConditionInfo info, List<String> factorNames) {
        StringBuilder sb = new StringBuilder();
        for (String f : factorNames) {
            Double v = info.factors().get(f);
            sb.append(',').append(Csv.number(v == null ? Double.NaN : v));
        }
        return sb.toString();
    }

    private static void writeSummaryCsv(Path file, List<String> factorNames, List<ConditionSummary> summaries)
        throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("condition");
            for (String f : factorNames) {
                w.write(',');
                w.write(Csv.text(f));
            }
            w.write(",analysis,measure,estimand,value,mcse,replications\n");
            for (ConditionSummary s : summaries) {
                String prefix = s.info().index() + factorCells(s.info(), factorNames);
                for (Measure m : s.measures()) {
                    w.write(prefix + ',' + Csv.text(m.analysis()) + ',' + Csv.text(m.measure()) + ','
                        + Csv.text(m.estimand()) + ',' + Csv.number(m.value()) + ',' + Csv.number(m.mcse()) + ','
                        + m.replications() + '\n');
                }
            }
        });
    }

    private static void writeSummaryJson(Path file, MonteCarloDesign design, List<ConditionSummary> summaries,
                                         ObjectMapper mapper) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", design.name());
        root.put("software", SoftwareVersion.label());
        root.put("seed", design.seed());
        root.put("replications", design.replications());
        root.put("engine", design.engine());
        root.put("seeding", "XO_RO_SHI_RO_128_PP per replication, state from SplitMix64 mixing of "
            + "(seed, condition, replication); see docs/monte-carlo.md");
        ArrayNode conditions = root.putArray("conditions");
        for (ConditionSummary s : summaries) {
            conditions.add(conditionNode(s, design, mapper));
        }
        JsonNode scenario;
        try {
            scenario = mapper.readTree(design.scenarioJson());
        } catch (IOException e) {
            scenario = mapper.getNodeFactory().textNode(design.scenarioJson());
        }
        root.set("scenario_definition", scenario);
        write(file, root, mapper);
    }

    private static ObjectNode conditionNode(ConditionSummary s, MonteCarloDesign design, ObjectMapper mapper) {
        ObjectNode c = mapper.createObjectNode();
        ConditionInfo info = s.info();
        c.put("condition", info.index());
        c.put("seed", design.seed());
        c.put("software", SoftwareVersion.label());
        putNumber(c, "alpha", info.alpha());
        ObjectNode factors = c.putObject("factors");
        info.factors().forEach((k, v) -> putNumber(factors, k, v));
        ObjectNode truth = c.putObject("truth");
        info.truth().forEach((k, v) -> putNumber(truth, k, v));
        ObjectNode reporters = c.putObject("truth_among_reporters");
        info.truthAmongReporters().forEach((k, v) -> putNumber(reporters, k, v));
        ObjectNode byMod = c.putObject("truth_by_moderator");
        for (Map.Entry<String, Map<String, Map<String, Double>>> m : info.truthByModerator().entrySet()) {
            ObjectNode mod = byMod.putObject(m.getKey());
            for (Map.Entry<String, Map<String, Double>> l : m.getValue().entrySet()) {
                ObjectNode level = mod.putObject(l.getKey());
                l.getValue().forEach((k, v) -> putNumber(level, k, v));
            }
        }
        c.put("replications", s.replications());
        ObjectNode failures = c.putObject("failures");
        failures.put("replications_with_failures", s.failures().size());
        ArrayNode list = failures.putArray("list");
        for (ConditionSummary.FailedReplication f : s.failures()) {
            ObjectNode o = list.addObject();
            o.put("condition", f.condition());
            o.put("replication", f.replication());
            ArrayNode what = o.putArray("analyses");
            for (Failure x : f.failures()) {
                what.addObject().put("analysis", x.analysis()).put("reason", x.reason());
            }
        }
        ObjectNode measures = c.putObject("measures");
        for (Measure m : s.measures()) {
            ObjectNode a = measures.has(m.analysis()) ? (ObjectNode) measures.get(m.analysis())
                : measures.putObject(m.analysis());
            ObjectNode target;
            if (m.estimand().isEmpty()) {
                target = a.putObject(m.measure());
            } else {
                ObjectNode byEstimand = a.has(m.measure()) ? (ObjectNode) a.get(m.measure()) : a.putObject(m.measure());
                target = byEstimand.putObject(m.estimand());
            }
            putNumber(target, "value", m.value());
            putNumber(target, "mcse", m.mcse());
            target.put("replications", m.replications());
        }
        return c;
    }

    /** Writes NaN and infinities as null (JSON has no such numbers). */
    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /**
     * Writes a JSON tree atomically, pretty-printed with "\n" line ends on every platform.
     *
     * @param file target
     * @param node tree
     * @param mapper mapper
     * @throws IOException on a write error
     */
    static void write(Path file, JsonNode node, ObjectMapper mapper) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String text = mapper.writer(pp).writeValueAsString(node) + "\n";
        AtomicFiles.write(file, (Writer w) -> w.write(text));
    }
}
