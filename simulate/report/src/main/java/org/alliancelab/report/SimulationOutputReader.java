package org.alliancelab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.plot.CausalGraph;
import org.alliancelab.simulate.montecarlo.FinishedRun;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ReplicationColumns;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SimulationOutputException;
import org.alliancelab.simulate.results.SummaryJson;

/**
 * Reads a {@code simulate} output directory: {@code summary.json} (conditions, truths,
 * measures with MCSEs, the scenario definition), the pooled correlations ({@code *.r} columns)
 * and the difference tests' p values ({@code difference_*.p}) of {@code replications.csv}, in the CSV dialect {@code simulate} writes
 * ({@link Csv}: RFC 4180, NaN as {@code NA}, infinities as {@code Inf}/{@code -Inf}).
 */
public final class SimulationOutputReader {

    /** File with the per-condition results. */
    public static final String SUMMARY_JSON = SummaryJson.FILE;
    /** File with one row per condition and replication. */
    public static final String REPLICATIONS_CSV = RunFiles.REPLICATIONS_CSV;

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
        // first without the summary: next to a checkpoint it is stale, and may not even parse
        Optional<String> unfinished = FinishedRun.problem(dir, "");
        if (unfinished.isPresent()) {
            throw SimulationOutputException.file(dir, unfinished.get());
        }
        RunSummary summary = RunSummary.read(dir);
        unfinished = FinishedRun.problem(dir, summary.scenarioDefinition());
        if (unfinished.isPresent()) {
            throw SimulationOutputException.file(dir, unfinished.get());
        }
        JsonNode definition = summary.scenarioDefinition().isEmpty() ? MissingNode.getInstance()
            : new ObjectMapper().readTree(summary.scenarioDefinition());
        Map<String, String> labels = new LinkedHashMap<>();
        for (String factor : summary.conditions().get(0).info().factors().keySet()) {
            labels.put(factor, FactorLabels.label(factor, definition));
        }
        Map<Integer, Map<String, double[]>> pooled = ReplicationColumns.read(dir.resolve(REPLICATIONS_CSV), summary,
            name -> name.endsWith(".r") || name.equals(Analyses.column(Analyses.DIFFERENCE_SUBGROUP, "p"))
                || name.equals(Analyses.column(Analyses.DIFFERENCE_PAIRED, "p")));
        return new SimulationOutput(dir, summary, definition.path("description").asText(""), graph(definition),
            labels, pooled);
    }

    /** Splits an RFC 4180 line (quoted fields, doubled quotes; no line breaks inside fields). */
    static List<String> split(Path file, int row, String line) throws SimulationOutputException {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw SimulationOutputException.csv(file, row, "", e.getMessage());
        }
    }

    /**
     * @param definition a scenario's JSON
     * @return its causal graph with the moderator levels' overrides and the grid's levels of the
     *     coefficients and reliabilities a grid factor sets, or empty when it has no
     *     usable model
     */
    public static Optional<CausalGraph> graph(JsonNode definition) {
        JsonNode model = definition.path("model");
        if (!model.path("nodes").isArray() || !model.path("paths").isArray()) {
            return Optional.empty();
        }
        // moderator levels' overrides, keyed by node name and by "from\u0000to"
        Map<String, List<CausalGraph.Override>> reliabilities = new LinkedHashMap<>();
        Map<String, List<CausalGraph.Override>> paths = new LinkedHashMap<>();
        for (JsonNode m : definition.path("design").path("moderators")) {
            for (JsonNode level : m.path("levels")) {
                String name = level.path("name").asText();
                for (JsonNode p : level.path("paths")) {
                    paths.computeIfAbsent(p.path("from").asText() + "\u0000" + p.path("to").asText(),
                        k -> new ArrayList<>()).add(new CausalGraph.Override(name, p.path("beta").asDouble(),
                        p.path("sd").asDouble(0)));
                }
                for (Iterator<Map.Entry<String, JsonNode>> r = level.path("reliabilities").fields(); r.hasNext();) {
                    Map.Entry<String, JsonNode> e = r.next();
                    reliabilities.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new CausalGraph.Override(name, e.getValue().asDouble(), 0));
                }
            }
        }
        // the levels a grid factor sets a path's coefficient or a node's reliability to, by position
        Map<String, List<Double>> grid = new LinkedHashMap<>();
        for (JsonNode factor : definition.path("grid")) {
            List<Double> levels = new ArrayList<>();
            factor.path("levels").forEach(l -> levels.add(l.asDouble()));
            List<String> pointers = new ArrayList<>();
            if (factor.has("path")) {
                pointers.add(factor.get("path").asText());
            }
            factor.path("paths").forEach(p -> pointers.add(p.asText()));
            pointers.forEach(p -> grid.putIfAbsent(p, levels));
        }
        List<CausalGraph.Node> nodes = new ArrayList<>();
        for (JsonNode n : model.get("nodes")) {
            boolean observed = n.path("observed").asBoolean(true);
            double reliability = observed && n.has("reliability") ? n.get("reliability").asDouble() : Double.NaN;
            String name = n.path("name").asText();
            nodes.add(new CausalGraph.Node(name, observed, reliability, reliabilities.getOrDefault(name, List.of()),
                grid.getOrDefault("/model/nodes/" + nodes.size() + "/reliability", List.of())));
        }
        List<CausalGraph.Edge> edges = new ArrayList<>();
        for (JsonNode p : model.get("paths")) {
            String from = p.path("from").asText();
            String to = p.path("to").asText();
            edges.add(new CausalGraph.Edge(from, to, p.path("beta").asDouble(), p.path("sd").asDouble(0),
                paths.getOrDefault(from + "\u0000" + to, List.of()),
                grid.getOrDefault("/model/paths/" + edges.size() + "/beta", List.of())));
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
}
