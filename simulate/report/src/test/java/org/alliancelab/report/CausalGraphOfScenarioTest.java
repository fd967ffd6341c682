package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.alliancelab.plot.CausalGraph;
import org.alliancelab.plot.CausalGraphPlot;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The report's causal graph carries the moderator levels' overrides of the scenario it reads. */
class CausalGraphOfScenarioTest {

    @Test
    void fluckiger2018sLevelOverridesReachTheGraph() throws Exception {
        CausalGraph g = SimulationOutputReader.graph(new ObjectMapper().readTree(
            Scenario.resolve("fluckiger2018").toJson())).orElseThrow();
        CausalGraph.Edge early = edge(g, "early_change", "alliance");
        assertEquals(List.of(new CausalGraph.Override("late", 0.40, 0)), early.overrides());
        assertEquals(List.of(new CausalGraph.Override("late", 0.43, 0)), edge(g, "confounder", "alliance").overrides());
        assertEquals(List.of(new CausalGraph.Override("substance_use", 0.009, 0)),
            edge(g, "alliance", "outcome").overrides());
        assertEquals(List.of(), edge(g, "severity", "outcome").overrides());
    }

    /**
     * examples/confounder-strength.json's grid sets both confounder paths to 0, 0.15 and 0.3: the
     * graph carries those levels (from the file's grid, not typed here), and the arrows are labelled
     * with them rather than with the model's 0.35, which no condition runs.
     */
    @Test
    void gridLevelsOfAPathReachTheGraphAndItsLabel() throws Exception {
        JsonNode definition = new ObjectMapper().readTree(
            java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "examples", "confounder-strength.json")));
        JsonNode factor = definition.get("grid").get(0);
        List<Double> levels = new java.util.ArrayList<>();
        factor.get("levels").forEach(l -> levels.add(l.asDouble()));
        CausalGraph g = SimulationOutputReader.graph(definition).orElseThrow();
        for (String to : List.of("alliance", "outcome")) {
            CausalGraph.Edge e = edge(g, "confounder", to);
            assertEquals(levels, e.grid());
            assertEquals(0.35, e.beta(), 0.0, "the model's own value is kept, but not drawn");
        }
        assertEquals(List.of(), edge(g, "severity", "outcome").grid());
        String text = texts(CausalGraphPlot.of(g));
        assertEquals(2, count(text, "grid 0 / 0.15 / 0.3"), text);
        // 0.35 labels only the arrows no grid factor sets (early_change -> alliance), not the confounder's
        long ungridded = g.edges().stream().filter(e -> e.grid().isEmpty() && e.beta() == 0.35).count();
        assertEquals(ungridded, text.lines().filter("0.35"::equals).count(), text);
        assertFalse(text.lines().anyMatch(l -> l.contains("0.35") && !l.equals("0.35")), text);
        assertTrue(text.contains("grid: the levels a grid factor runs"), text);
    }

    /** The fixture's grid sets a node's reliability: its box lists the levels. */
    @Test
    void gridLevelsOfAReliabilityReachTheNode() throws Exception {
        CausalGraph g = SimulationOutputReader.graph(new ObjectMapper().readTree(
            ReportFixtures.DEFINITION.replace("NAME", "fixture").replace("CAUSAL", "0.2"))).orElseThrow();
        CausalGraph.Node n = g.nodes().stream().filter(x -> x.name().equals("early_change")).findFirst().orElseThrow();
        List<Double> levels = new java.util.ArrayList<>();
        for (double r : ReportFixtures.RELIABILITY) {
            levels.add(r);
        }
        assertEquals(levels, n.grid());
        assertTrue(texts(CausalGraphPlot.of(g)).contains("reliability grid 0.6 / 0.8 / 1"));
    }

    /** The figure's text elements, one a line. */
    private static String texts(org.alliancelab.plot.Figure f) throws Exception {
        org.w3c.dom.NodeList list = org.alliancelab.plot.SvgDocument.parse(f.toSvgDocument()).doc.getElementsByTagName("text");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            s.append(list.item(i).getTextContent()).append('\n');
        }
        return s.toString();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static CausalGraph.Edge edge(CausalGraph g, String from, String to) {
        return g.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst().orElseThrow();
    }
}
