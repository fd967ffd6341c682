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
