package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a {@code summary.json}, read back (for {@code compare} and the terminal
 * tables).
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param software software label
 * @param conditions per-condition results
 */
public record RunSummary(String scenario, long seed, int replications, String engine, String software,
                         List<ConditionSummary> conditions) {
    /** Copies the list. */
    public RunSummary {
        conditions = List.copyOf(conditions);
    }

    /**
     * @param outDir a directory holding {@code summary.json}
     * @return its content
     * @throws CheckpointException when the file is missing or not a summary
     * @throws IOException on a read error
     */
    public static RunSummary read(Path outDir) throws IOException {
        Path file = outDir.resolve(OutputFiles.SUMMARY_JSON);
        if (!Files.exists(file)) {
            throw new CheckpointException(file + ": not found (run simulate into " + outDir + " first)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException(file + ": not a summary.json (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.has("conditions") || !root.has("scenario")) {
            throw new CheckpointException(file + ": not a summary.json (no 'scenario' or 'conditions')");
        }
        List<ConditionSummary> conditions = new ArrayList<>();
        for (JsonNode c : root.get("conditions")) {
            int index = c.get("condition").asInt();
            ConditionInfo info = new ConditionInfo(index, numbers(c.get("factors")), numbers(c.get("truth")),
                numbers(c.get("truth_among_reporters")), num(c.get("alpha")), byModerator(c.get("truth_by_moderator")));
            List<Measure> measures = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> a = c.get("measures").fields(); a.hasNext();) {
                Map.Entry<String, JsonNode> analysis = a.next();
                for (Iterator<Map.Entry<String, JsonNode>> m = analysis.getValue().fields(); m.hasNext();) {
                    Map.Entry<String, JsonNode> measure = m.next();
                    JsonNode v = measure.getValue();
                    if (v.has("value")) {
                        measures.add(measure(analysis.getKey(), measure.getKey(), "", v));
                    } else {
                        for (Iterator<Map.Entry<String, JsonNode>> e = v.fields(); e.hasNext();) {
                            Map.Entry<String, JsonNode> est = e.next();
                            measures.add(measure(analysis.getKey(), measure.getKey(), est.getKey(), est.getValue()));
                        }
                    }
                }
            }
            List<ConditionSummary.FailedReplication> failed = new ArrayList<>();
            for (JsonNode f : c.get("failures").get("list")) {
                List<Failure> what = new ArrayList<>();
                for (JsonNode x : f.get("analyses")) {
                    what.add(new Failure(x.get("analysis").asText(), x.get("reason").asText()));
                }
                failed.add(new ConditionSummary.FailedReplication(index, f.get("replication").asInt(), what));
            }
            conditions.add(new ConditionSummary(info, c.get("replications").asInt(), measures, failed));
        }
        return new RunSummary(root.get("scenario").asText(), root.get("seed").asLong(),
            root.get("replications").asInt(), root.get("engine").asText(), root.get("software").asText(), conditions);
    }

    private static Measure measure(String analysis, String measure, String estimand, JsonNode v) {
        return new Measure(analysis, measure, estimand, num(v.get("value")), num(v.get("mcse")),
            v.get("replications").asLong());
    }

    private static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static Map<String, Double> numbers(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (o != null) {
            o.fields().forEachRemaining(e -> m.put(e.getKey(), num(e.getValue())));
        }
        return m;
    }

    private static Map<String, Map<String, Map<String, Double>>> byModerator(JsonNode o) {
        Map<String, Map<String, Map<String, Double>>> m = new LinkedHashMap<>();
        if (o != null) {
            o.fields().forEachRemaining(mod -> {
                Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
                mod.getValue().fields().forEachRemaining(l -> levels.put(l.getKey(), numbers(l.getValue())));
                m.put(mod.getKey(), levels);
            });
        }
        return m;
    }
}
