package org.alliancelab.simulate.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.model.TruthValues;

/**
 * {@code summary.json}, written from and read into a {@link RunSummary}. Numbers are written at
 * full double precision, NaN and infinities as {@code null}; measures nest as analysis, measure,
 * then estimand for the measures that have one. Reading is strict: a missing or ill-typed field
 * is a {@link SimulationOutputException} naming the file and the JSON pointer.
 */
public final class SummaryJson {
    /** The file's name in an output directory. */
    public static final String FILE = RunFiles.SUMMARY_JSON;
    private static final String SEEDING = "XO_RO_SHI_RO_128_PP per replication, state from SplitMix64 mixing of "
        + "(seed, condition, replication); see docs/monte-carlo.md";

    private SummaryJson() {
    }

    /**
     * @param summary the run's summary
     * @param mapper the mapper that builds the tree
     * @return the JSON tree of the file
     */
    public static ObjectNode toTree(RunSummary summary, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", summary.scenario());
        root.put("software", summary.software());
        root.put("seed", summary.seed());
        root.put("replications", summary.replications());
        root.put("engine", summary.engine());
        root.put("seeding", SEEDING);
        ArrayNode conditions = root.putArray("conditions");
        for (ConditionSummary s : summary.conditions()) {
            conditions.add(conditionNode(s, summary, mapper));
        }
        JsonNode scenario;
        try {
            scenario = mapper.readTree(summary.scenarioDefinition());
        } catch (IOException e) {
            scenario = mapper.getNodeFactory().textNode(summary.scenarioDefinition());
        }
        root.set("scenario_definition", scenario);
        return root;
    }

    /**
     * @param node a JSON tree
     * @param mapper the mapper
     * @return its text as every output file of the project prints JSON: two-space indent,
     *     "\n" line ends on every platform, a final line end
     * @throws JsonProcessingException when the tree cannot be written
     */
    public static String print(JsonNode node, ObjectMapper mapper) throws JsonProcessingException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return mapper.writer(pp).writeValueAsString(node) + "\n";
    }

    private static ObjectNode conditionNode(ConditionSummary s, RunSummary run, ObjectMapper mapper) {
        ObjectNode c = mapper.createObjectNode();
        ConditionInfo info = s.info();
        c.put("condition", info.index());
        c.put("seed", run.seed());
        c.put("software", run.software());
        putNumber(c, "alpha", info.alpha());
        ObjectNode factors = c.putObject("factors");
        info.factors().forEach((k, v) -> putNumber(factors, k, v));
        putTruth(c.putObject("truth"), info.truth());
        putTruth(c.putObject("truth_among_reporters"), info.truthAmongReporters());
        ObjectNode byMod = c.putObject("truth_by_moderator");
        for (Map.Entry<String, Map<String, TruthValues>> m : info.truthByModerator().entrySet()) {
            ObjectNode mod = byMod.putObject(m.getKey());
            for (Map.Entry<String, TruthValues> l : m.getValue().entrySet()) {
                putTruth(mod.putObject(l.getKey()), l.getValue());
            }
        }
        putTruth(c.putObject("truth_at_mean_paths"), info.truthAtMeanPaths());
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

    private static void putTruth(ObjectNode o, TruthValues t) {
        for (Estimand e : Estimand.TRUTHS) {
            putNumber(o, e.key(), e.of(t));
        }
    }

    /**
     * Writes NaN and infinities as null (JSON has no such numbers).
     *
     * @param o the object
     * @param key the field
     * @param v the value
     */
    public static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /**
     * @param dir a directory written by {@code simulate} or {@code collect}
     * @return its summary
     * @throws SimulationOutputException when the file is missing or malformed
     * @throws IOException on a read error
     */
    public static RunSummary read(Path dir) throws SimulationOutputException, IOException {
        Path file = dir.resolve(FILE);
        JsonNode root = readObject(file, "simulate");
        Reader json = new Reader(file);
        String scenario = json.text(root, "", "scenario");
        int replications = json.integer(root, "", "replications");
        JsonNode list = json.required(root, "", "conditions");
        if (!list.isArray() || list.isEmpty()) {
            throw SimulationOutputException.json(file, "/conditions", "must be a non-empty array");
        }
        List<ConditionSummary> conditions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            conditions.add(condition(json, list.get(i), "/conditions/" + i));
        }
        JsonNode definition = root.path("scenario_definition");
        return new RunSummary(scenario, root.path("software").asText(""), root.path("seed").asLong(), replications,
            root.path("engine").asText(""), conditions, definition.isMissingNode() ? "" : definition.toString());
    }

    /**
     * Reads an output file that holds one JSON object.
     *
     * @param file the file
     * @param command the command that writes it, named when the file is missing
     * @return its root object
     * @throws SimulationOutputException when the file is missing, not JSON or not an object
     * @throws IOException on a read error
     */
    public static JsonNode readObject(Path file, String command) throws SimulationOutputException, IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw SimulationOutputException.file(file, "file not found (is " + file.getParent() + " a " + command
                + " output directory?)");
        } catch (JsonProcessingException e) {
            throw SimulationOutputException.file(file, "not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw SimulationOutputException.file(file, "not a JSON object");
        }
        return root;
    }

    private static ConditionSummary condition(Reader json, JsonNode c, String at) throws SimulationOutputException {
        int index = json.integer(c, at, "condition");
        Map<String, Double> factors = json.numbers(c.path("factors"), at + "/factors");
        TruthValues truth = truth(json.numbers(json.required(c, at, "truth"), at + "/truth"));
        Map<String, Double> reporters = json.numbers(c.path("truth_among_reporters"), at + "/truth_among_reporters");
        Map<String, Map<String, TruthValues>> byModerator = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> m = c.path("truth_by_moderator").fields(); m.hasNext();) {
            Map.Entry<String, JsonNode> mod = m.next();
            Map<String, TruthValues> levels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> l = mod.getValue().fields(); l.hasNext();) {
                Map.Entry<String, JsonNode> level = l.next();
                levels.put(level.getKey(), truth(json.numbers(level.getValue(),
                    at + "/truth_by_moderator/" + mod.getKey() + "/" + level.getKey())));
            }
            byModerator.put(mod.getKey(), levels);
        }
        double alpha = c.path("alpha").isNumber() ? c.get("alpha").asDouble() : 0.05;
        Map<String, Double> atMean = json.numbers(c.path("truth_at_mean_paths"), at + "/truth_at_mean_paths");
        ConditionInfo info = new ConditionInfo(index, factors, truth,
            reporters.isEmpty() ? truth : truth(reporters), alpha, byModerator, atMean.isEmpty() ? truth : truth(atMean));
        List<Measure> measures = new ArrayList<>();
        JsonNode m = json.required(c, at, "measures");
        for (Iterator<Map.Entry<String, JsonNode>> a = m.fields(); a.hasNext();) {
            Map.Entry<String, JsonNode> analysis = a.next();
            for (Iterator<Map.Entry<String, JsonNode>> x = analysis.getValue().fields(); x.hasNext();) {
                Map.Entry<String, JsonNode> measure = x.next();
                String where = at + "/measures/" + analysis.getKey() + "/" + measure.getKey();
                if (measure.getValue().has("value")) {
                    measures.add(json.measure(analysis.getKey(), measure.getKey(), "", measure.getValue(), where));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> e = measure.getValue().fields(); e.hasNext();) {
                        Map.Entry<String, JsonNode> est = e.next();
                        measures.add(json.measure(analysis.getKey(), measure.getKey(), est.getKey(), est.getValue(),
                            where + "/" + est.getKey()));
                    }
                }
            }
        }
        List<ConditionSummary.FailedReplication> failed = new ArrayList<>();
        for (JsonNode f : c.path("failures").path("list")) {
            List<Failure> what = new ArrayList<>();
            for (JsonNode x : f.path("analyses")) {
                what.add(new Failure(x.path("analysis").asText(), x.path("reason").asText()));
            }
            failed.add(new ConditionSummary.FailedReplication(index, f.path("replication").asInt(), what));
        }
        return new ConditionSummary(info, c.path("replications").asInt(), measures, failed);
    }

    private static TruthValues truth(Map<String, Double> byKey) {
        return Estimand.truthValues(e -> byKey.getOrDefault(e.key(), Double.NaN));
    }

    /** Typed access to summary.json with errors that name the location. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        JsonNode required(JsonNode parent, String at, String field) throws SimulationOutputException {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                throw SimulationOutputException.json(file, at + "/" + field, "missing");
            }
            return n;
        }

        String text(JsonNode parent, String at, String field) throws SimulationOutputException {
            JsonNode n = required(parent, at, field);
            if (!n.isTextual()) {
                throw SimulationOutputException.json(file, at + "/" + field, "must be a string");
            }
            return n.asText();
        }

        int integer(JsonNode parent, String at, String field) throws SimulationOutputException {
            JsonNode n = required(parent, at, field);
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                throw SimulationOutputException.json(file, at + "/" + field, "must be an integer");
            }
            return n.asInt();
        }

        Map<String, Double> numbers(JsonNode object, String at) throws SimulationOutputException {
            Map<String, Double> out = new LinkedHashMap<>();
            if (object.isMissingNode() || object.isNull()) {
                return out;
            }
            if (!object.isObject()) {
                throw SimulationOutputException.json(file, at, "must be an object of numbers");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isNull() && !v.isNumber()) {
                    throw SimulationOutputException.json(file, at + "/" + e.getKey(), "must be a number or null");
                }
                out.put(e.getKey(), v.isNull() ? Double.NaN : v.asDouble());
            }
            return out;
        }

        Measure measure(String analysis, String measure, String estimand, JsonNode node, String at)
            throws SimulationOutputException {
            JsonNode v = node.get("value");
            JsonNode se = node.get("mcse");
            if (v == null || !(v.isNull() || v.isNumber())) {
                throw SimulationOutputException.json(file, at + "/value", "missing or not a number");
            }
            if (se != null && !(se.isNull() || se.isNumber())) {
                throw SimulationOutputException.json(file, at + "/mcse", "not a number");
            }
            return new Measure(analysis, measure, estimand, v.isNull() ? Double.NaN : v.asDouble(),
                se == null || se.isNull() ? Double.NaN : se.asDouble(), node.path("replications").asLong());
        }
    }
}
