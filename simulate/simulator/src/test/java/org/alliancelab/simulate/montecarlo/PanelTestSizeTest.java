package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.model.PanelTruth;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size of the pooled within-person lagged test in a session-by-session world where alliance
 * causes nothing and is strictly exogenous (no reverse path, uncorrelated innovations), with trait
 * confounding (intercepts correlated .3) and measurement error, at 20 and 66 studies of 8
 * sessions, under REML and DL (2,000 replications each, panel engine). There the within-person
 * limit is exactly 0 (the Nickell bias falls on the carry-over only), so the z test must hold its
 * size: each rate within 3 MCSE (sqrt(.05 x .95 / 2000) = .0049) of .05. The naive pooled lagged
 * regression and the between-person correlation, misled by the trait confound, must reject in
 * more than half the replications. The seeds are fixed.
 */
@Tag("slow")
class PanelTestSizeTest {
    private static final double ALPHA = 0.05;

    @TempDir
    Path tmp;

    private static String scenario(String estimator) {
        return """
            {"name": "exogenous-null", "seed": 4242, "replications": 2000,
             "model": {"nodes": [{"name": "alliance"}, {"name": "outcome"}], "exposure": "alliance", "outcome": "outcome"},
             "design": {"studies": 20, "sampleSize": {"distribution": "lognormal", "median": 80, "spread": 0.65, "minimum": 30},
               "sessions": {"count": 8, "intercepts": {"sd": [1, 1], "correlation": 0.3}, "carryOver": [0.4, 0.3],
                 "crossLagged": {"beta": 0}, "reverse": 0, "innovations": {"sd": [1, 1], "correlation": 0},
                 "measurementError": {"sd": [0.5, 0.5]}}},
             "analyses": {"estimator": "%s"},
             "grid": [{"path": "/design/studies", "levels": [20, 66]}]}
            """.formatted(estimator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REML", "DL"})
    void withinPersonTestHoldsItsSizeWhereAllianceIsExogenous(String estimator) throws IOException {
        Scenario s = Scenario.parse(scenario(estimator), "exogenous-null.json", "exogenous-null");
        PanelTruth truth = PanelTruth.of(s.conditions().get(0).design().sessions().orElseThrow());
        assertEquals(0, truth.withinLagged(), 1e-15);
        assertEquals(0, truth.crossLagged(), 0);
        assertTrue(truth.naiveLagged() > 0.02, "the naive limit is confounded: " + truth.naiveLagged());
        List<ConditionSummary> conditions = MonteCarloRunner.of(ScenarioDesign.of(s, Engine.PANEL)).withThreads(2)
            .run(tmp.resolve(estimator)).summary().orElseThrow().conditions();
        double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / 2000);
        for (ConditionSummary c : conditions) {
            String at = estimator + ", condition " + c.info().index();
            double rate = c.value(Analyses.WITHIN_LAGGED, MeasureNames.REJECTION_RATE);
            assertEquals(ALPHA, rate, 3 * mcse, at + ": within-person rejection rate " + rate);
            double coverage = c.find(Analyses.WITHIN_LAGGED, MeasureNames.COVERAGE, Estimand.CROSS_LAGGED).orElseThrow().value();
            assertEquals(1 - ALPHA, coverage, 3 * mcse, at + ": coverage " + coverage);
            assertTrue(c.value(Analyses.NAIVE_LAGGED, MeasureNames.REJECTION_RATE) > 0.5, at + " naive");
            assertTrue(c.value(Analyses.UNADJUSTED_ALL, MeasureNames.REJECTION_RATE) > 0.5, at + " between-person");
        }
    }
}
