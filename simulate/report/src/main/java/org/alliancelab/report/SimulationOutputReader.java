package org.alliancelab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.plot.CausalGraph;
import org.alliancelab.plot.McEstimate;
import org.alliancelab.simulate.montecarlo.io.Csv;

/**
 * Reads a {@code simulate} output directory: {@code summary.json} (conditions, truths,
 * measures with MCSEs, the scenario definition) and the pooled correlations ({@code *.r}
 * columns) of {@code replications.csv}, in the CSV dialect {@code simulate} writes
 * ({@link Csv}: RFC 4180, NaN as {@code NA}, infinities as {@code Inf}/{@code -Inf}).
 */
public final class SimulationOutputReader {

    /** File with the per-condition results. */
    public static final String SUMMARY_JSON = "summary.json";
    /** File with one row per condition and replication. */
    public static final String REPLICATIONS_CSV = "replications.csv";

    private SimulationOutputReader() {
    }

    /**
     * @param dir a directory written by {@code simulate}
     * @return its content
     * @throws SimulationOutputException when a file is missing or malformed (the message names
     *     the file, the row or JSON location and the field)
     * @throws IOException on a read error
     */
    public static SimulationOutput read(Path dir) throws SimulationOutputException, IOException {
        Path summaryFile = dir.resolve(SUMMARY_JSON);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(summaryFile.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw SimulationOutputException.file(summaryFile, "file not found (is " + dir
                + " a simulate output directory?)");
        } catch (JsonProcessingException e) {
            throw SimulationOutputException.file(summaryFile, "not valid JSON (line "
                + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw SimulationOutputException.file(summaryFile, "not a JSON object");
        }
        Json json = new Json(summaryFile);
        String scenario = json.text(root, "", "scenario");
        int replications = json.integer(root, "", "replications");
        JsonNode definition = root.path("scenario_definition");
        List<ConditionResult> conditions = new ArrayList<>();
        JsonNode list = json.required(root, "", "conditions");
        if (!list.isArray() || list.isEmpty()) {
            throw SimulationOutputException.json(summaryFile, "/conditions", "must be a non-empty array");
        }
        for (int i = 0; i < list.size(); i++) {
            conditions.add(condition(json, list.get(i), "/conditions/" + i));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String factor : conditions.get(0).factors().keySet()) {
            labels.put(factor, FactorLabels.label(factor, definition));
        }
        Map<Integer, Map<String, double[]>> pooled = readPooled(dir.resolve(REPLICATIONS_CSV), conditions, replications);
        return new SimulationOutput(dir, scenario, definition.path("description").asText(""),
            root.path("software").asText(""), root.path("seed").asLong(), replications,
            root.path("engine").asText(""), root.path("alpha").asDouble(0.05), graph(definition),
            labels, conditions, pooled);
    }

    private static ConditionResult condition(Json json, JsonNode c, String at) throws SimulationOutputException {
        int index = json.integer(c, at, "condition");
        Map<String, Double> factors = json.numbers(c.path("factors"), at + "/factors");
        Map<String, Double> truth = json.numbers(json.required(c, at, "truth"), at + "/truth");
        Map<String, Double> reporters = json.numbers(c.path("truth_among_reporters"), at + "/truth_among_reporters");
        Map<String, Map<String, Map<String, McEstimate>>> measures = new LinkedHashMap<>();
        JsonNode m = json.required(c, at, "measures");
        for (Iterator<Map.Entry<String, JsonNode>> a = m.fields(); a.hasNext();) {
            Map.Entry<String, JsonNode> analysis = a.next();
            Map<String, Map<String, McEstimate>> byMeasure = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> x = analysis.getValue().fields(); x.hasNext();) {
                Map.Entry<String, JsonNode> measure = x.next();
                String where = at + "/measures/" + analysis.getKey() + "/" + measure.getKey();
                Map<String, McEstimate> byEstimand = new LinkedHashMap<>();
                if (measure.getValue().has("value")) {
                    byEstimand.put("", json.estimate(measure.getValue(), where));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> e = measure.getValue().fields(); e.hasNext();) {
                        Map.Entry<String, JsonNode> est = e.next();
                        byEstimand.put(est.getKey(), json.estimate(est.getValue(), where + "/" + est.getKey()));
                    }
                }
                byMeasure.put(measure.getKey(), byEstimand);
            }
            measures.put(analysis.getKey(), byMeasure);
        }
        return new ConditionResult(index, factors, truth, reporters, measures, c.path("replications").asInt(),
            c.path("failures").path("replications_with_failures").asInt(0));
    }

    /** Reads the {@code *.r} columns; returns an empty map when the file does not exist. */
    private static Map<Integer, Map<String, double[]>> readPooled(Path file, List<ConditionResult> conditions,
                                                                  int replications)
        throws SimulationOutputException, IOException {
        Map<Integer, Map<String, double[]>> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Map<Integer, Boolean> known = new HashMap<>();
        for (ConditionResult c : conditions) {
            known.put(c.index(), Boolean.TRUE);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw SimulationOutputException.file(file, "empty file, expected a header");
            }
            List<String> names = split(file, 1, header);
            int conditionCol = names.indexOf("condition");
            int replicationCol = names.indexOf("replication");
            if (conditionCol < 0 || replicationCol < 0) {
                throw SimulationOutputException.csv(file, 1, conditionCol < 0 ? "condition" : "replication",
                    "required column is missing");
            }
            List<Integer> rColumns = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (names.get(j).endsWith(".r")) {
                    rColumns.add(j);
                }
            }
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = split(file, row, line);
                if (fields.size() != names.size()) {
                    throw SimulationOutputException.csv(file, row, "",
                        fields.size() + " fields, header has " + names.size());
                }
                int c = (int) integer(file, row, "condition", fields.get(conditionCol));
                int r = (int) integer(file, row, "replication", fields.get(replicationCol));
                if (!known.containsKey(c)) {
                    throw SimulationOutputException.csv(file, row, "condition",
                        "condition " + c + " is not in " + SUMMARY_JSON);
                }
                if (r < 0 || r >= replications) {
                    throw SimulationOutputException.csv(file, row, "replication",
                        "replication " + r + " outside 0.." + (replications - 1));
                }
                Map<String, double[]> byColumn = out.computeIfAbsent(c, k -> new LinkedHashMap<>());
                for (int j : rColumns) {
                    double[] values = byColumn.computeIfAbsent(names.get(j), k -> {
                        double[] v = new double[replications];
                        Arrays.fill(v, Double.NaN);
                        return v;
                    });
                    values[r] = number(file, row, names.get(j), fields.get(j));
                }
            }
        }
        return out;
    }

    private static long integer(Path file, int row, String field, String text) throws SimulationOutputException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw SimulationOutputException.csv(file, row, field, "must be a whole number, got " + text);
        }
    }

    private static double number(Path file, int row, String field, String text) throws SimulationOutputException {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Csv.parseNumber(text);
        } catch (NumberFormatException e) {
            throw SimulationOutputException.csv(file, row, field, "must be a number, got " + text);
        }
    }

    /** Splits an RFC 4180 line (quoted fields, doubled quotes; no line breaks inside fields). */
    static List<String> split(Path file, int row, String line) throws SimulationOutputException {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw SimulationOutputException.csv(file, row, "", e.getMessage());
        }
    }

    /** The causal graph of a scenario definition, or empty when it has no usable model. */
    static Optional<CausalGraph> graph(JsonNode definition) {
        JsonNode model = definition.path("model");
        if (!model.path("nodes").isArray() || !model.path("paths").isArray()) {
            return Optional.empty();
        }
        List<CausalGraph.Node> nodes = new ArrayList<>();
        for (JsonNode n : model.get("nodes")) {
            boolean observed = n.path("observed").asBoolean(true);
            double reliability = observed && n.has("reliability") ? n.get("reliability").asDouble() : Double.NaN;
            nodes.add(new CausalGraph.Node(n.path("name").asText(), observed, reliability));
        }
        List<CausalGraph.Edge> edges = new ArrayList<>();
        for (JsonNode p : model.get("paths")) {
            edges.add(new CausalGraph.Edge(p.path("from").asText(), p.path("to").asText(),
                p.path("beta").asDouble(), p.path("sd").asDouble(0)));
        }
        List<String> adjustment = new ArrayList<>();
        model.path("adjustment").forEach(a -> adjustment.add(a.asText()));
        try {
            return Optional.of(new CausalGraph(nodes, edges, model.path("exposure").asText(),
                model.path("outcome").asText(), adjustment));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Typed access to summary.json with errors that name the location. */
    private static final class Json {
        private final Path file;

        Json(Path file) {
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

        McEstimate estimate(JsonNode node, String at) throws SimulationOutputException {
            JsonNode v = node.get("value");
            JsonNode se = node.get("mcse");
            if (v == null || !(v.isNull() || v.isNumber())) {
                throw SimulationOutputException.json(file, at + "/value", "missing or not a number");
            }
            if (se != null && !(se.isNull() || se.isNumber())) {
                throw SimulationOutputException.json(file, at + "/mcse", "not a number");
            }
            return new McEstimate(v.isNull() ? Double.NaN : v.asDouble(),
                se == null || se.isNull() ? Double.NaN : se.asDouble());
        }
    }
}
