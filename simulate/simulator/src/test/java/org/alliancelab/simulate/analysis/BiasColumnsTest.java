package org.alliancelab.simulate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A bias method's extra means come out in one order whatever order its map iterates in (the
 * callers pass {@code Map.of}, whose order changes between JVMs), so summary.csv and
 * summary.json are the same bytes on every run.
 */
class BiasColumnsTest {
    @Test
    void extraMeansAreOrderedByNameNotByTheMap() {
        ConditionInfo condition = ScenarioDesign.of(Scenario.builtIn("selection").withReplications(1), Engine.SUFFICIENT)
            .conditions().get(0);
        Map<String, String> one = new LinkedHashMap<>();
        one.put("mean_weight", "weight");
        one.put("mean_tau2", "tau2");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("mean_tau2", "tau2");
        other.put("mean_weight", "weight");
        List<String> a = List.copyOf(((MeasureSpec.Estimator) BiasColumns.estimator("x", condition, null, one))
            .means().keySet());
        List<String> b = List.copyOf(((MeasureSpec.Estimator) BiasColumns.estimator("x", condition, null, other))
            .means().keySet());
        assertEquals(List.of("mean_tau2", "mean_weight", "mean_k"), a);
        assertEquals(a, b);
    }
}
