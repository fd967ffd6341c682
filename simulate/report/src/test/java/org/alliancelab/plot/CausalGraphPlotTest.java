package org.alliancelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CausalGraphPlotTest {

    /** The default alliance story of the design note, with an unmeasured confounder. */
    static CausalGraph allianceStory() {
        return new CausalGraph(
            List.of(new CausalGraph.Node("severity", true, 0.85), new CausalGraph.Node("early_change", true, 0.6),
                new CausalGraph.Node("alliance", true, 0.77), new CausalGraph.Node("outcome", true, 0.85),
                new CausalGraph.Node("confounder", false, Double.NaN)),
            List.of(new CausalGraph.Edge("severity", "early_change", 0.2, 0),
                new CausalGraph.Edge("severity", "alliance", -0.15, 0),
                new CausalGraph.Edge("severity", "outcome", 0.25, 0),
                new CausalGraph.Edge("early_change", "alliance", 0.3, 0),
                new CausalGraph.Edge("early_change", "outcome", 0.3, 0),
                new CausalGraph.Edge("alliance", "outcome", 0.2, 0.05),
                new CausalGraph.Edge("confounder", "alliance", 0.35, 0),
                new CausalGraph.Edge("confounder", "outcome", 0.35, 0)),
            "alliance", "outcome", List.of("severity", "early_change"));
    }

    @Test
    void layersFollowTheLongestPathSoEveryArrowPointsRight() {
        Map<String, Integer> layers = CausalGraphPlot.layers(allianceStory());
        assertEquals(Map.of("severity", 0, "confounder", 0, "early_change", 1, "alliance", 2, "outcome", 3), layers);
    }

    @Test
    void everyNodeAndEdgeIsDrawnWithItsCoefficient() throws Exception {
        Figure f = CausalGraphPlot.of(allianceStory());
        TargetFiles.save("causal-graph", f);
        SvgDocument svg = SvgDocument.parse(f.toSvgDocument());
        assertEquals(5, svg.byIdPrefix("fig-node-").size());
        assertEquals(8, svg.byIdPrefix("fig-edge-").size());
        String text = svg.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("0.20 (0.05)") && text.contains("-0.15") && text.contains("unobserved"), text);
        // Arrows point right: each edge's path starts left of where it ends.
        for (var e : svg.byIdPrefix("fig-edge-")) {
            double[] xy = SvgDocument.pathPoints(e);
            assertTrue(xy[0] < xy[xy.length - 2], e.getAttribute("id"));
        }
    }

    /** fluckiger2018's graph: the late-rating and substance-use levels override three paths, one level a reliability. */
    static CausalGraph withOverrides() {
        CausalGraph g = allianceStory();
        List<CausalGraph.Edge> edges = new java.util.ArrayList<>();
        for (CausalGraph.Edge e : g.edges()) {
            List<CausalGraph.Override> o = e.from().equals("early_change") && e.to().equals("alliance")
                ? List.of(new CausalGraph.Override("late", 0.40, 0))
                : e.from().equals("confounder") && e.to().equals("alliance")
                ? List.of(new CausalGraph.Override("late", 0.43, 0))
                : e.from().equals("alliance") && e.to().equals("outcome")
                ? List.of(new CausalGraph.Override("substance_use", 0.009, 0.02)) : List.of();
            edges.add(new CausalGraph.Edge(e.from(), e.to(), e.beta(), e.sd(), o));
        }
        List<CausalGraph.Node> nodes = new java.util.ArrayList<>();
        for (CausalGraph.Node n : g.nodes()) {
            nodes.add(n.name().equals("alliance") ? new CausalGraph.Node("alliance", true, 0.77,
                List.of(new CausalGraph.Override("late", 0.85, 0))) : n);
        }
        return new CausalGraph(nodes, edges, g.exposure(), g.outcome(), g.adjustment());
    }

    @Test
    void moderatorLevelsOverridesAreDrawnBesideTheModelsValues() throws Exception {
        Figure f = CausalGraphPlot.of(withOverrides());
        TargetFiles.save("causal-graph-overrides", f);
        String text = SvgDocument.parse(f.toSvgDocument()).doc.getDocumentElement().getTextContent();
        for (String label : List.of("| late 0.40", "| late 0.43", "| substance_use 0.01 (0.02)",
            "reliability 0.77 | late 0.85", "after |: a moderator level's value")) {
            assertTrue(text.contains(label), label + " in " + text);
        }
    }

    @Test
    void labelsCoverNoNodeAndNoOtherLabel() {
        List<CausalGraph> graphs = new java.util.ArrayList<>(List.of(allianceStory(), withOverrides()));
        // every built-in scenario's graph, as the report draws it
        for (String name : org.alliancelab.simulate.scenario.Scenario.builtInNames()) {
            try {
                org.alliancelab.report.SimulationOutputReader.graph(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(org.alliancelab.simulate.scenario.Scenario.resolve(name).toJson())).ifPresent(graphs::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertTrue(graphs.size() > 10, "the built-ins' graphs");
        // and a graph whose confounder paths a grid labels with its levels (wider labels)
        try {
            org.alliancelab.report.SimulationOutputReader.graph(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("..", "..", "examples", "confounder-strength.json").toFile())).ifPresent(graphs::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(graphs.get(graphs.size() - 1).edges().stream().anyMatch(e -> !e.grid().isEmpty()), "a grid graph");
        for (CausalGraph g : graphs) {
            CausalGraphPlot.Layout layout = CausalGraphPlot.layout(g);
            List<java.awt.geom.Rectangle2D> boxes = layout.boxes(g);
            List<java.awt.geom.Rectangle2D> labels = layout.labels();
            for (int i = 0; i < labels.size(); i++) {
                for (java.awt.geom.Rectangle2D b : boxes) {
                    assertTrue(!labels.get(i).intersects(b), layout.texts().get(i) + " covers a node");
                }
                for (int j = i + 1; j < labels.size(); j++) {
                    assertTrue(!labels.get(i).intersects(labels.get(j)),
                        layout.texts().get(i) + " covers " + layout.texts().get(j));
                }
                assertTrue(labels.get(i).getMinX() >= 0 && labels.get(i).getMaxX() <= layout.width()
                    && labels.get(i).getMinY() >= 0 && labels.get(i).getMaxY() <= layout.height(), "inside the figure");
            }
        }
    }

    @Test
    void rejectsCyclesAndMissingNodes() {
        CausalGraph cyclic = new CausalGraph(
            List.of(new CausalGraph.Node("a", true, 1), new CausalGraph.Node("b", true, 1)),
            List.of(new CausalGraph.Edge("a", "b", 0.1, 0), new CausalGraph.Edge("b", "a", 0.1, 0)),
            "a", "b", List.of());
        assertThrows(IllegalArgumentException.class, () -> CausalGraphPlot.of(cyclic));
        assertThrows(IllegalArgumentException.class, () -> new CausalGraph(
            List.of(new CausalGraph.Node("a", true, 1)), List.of(new CausalGraph.Edge("a", "z", 0.1, 0)),
            "a", "a", List.of()));
    }
}
