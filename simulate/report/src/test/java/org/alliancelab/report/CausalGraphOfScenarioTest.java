package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.alliancelab.plot.CausalGraph;
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

    private static CausalGraph.Edge edge(CausalGraph g, String from, String to) {
        return g.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst().orElseThrow();
    }
}
