package org.alliancelab.simulate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size of the pooled IV test in null worlds (alliance has no effect, instrument valid).
 *
 * <p>Strong instrument (20 studies of 400, binary Z, first stage .5: F about 100), 2,000
 * replications per tau-squared estimator, sufficient engine: MCSE under alpha = .05 is
 * sqrt(.05 x .95 / 2000) = .0049. The rate must not exceed alpha + 3 MCSE (false alarm .13% per
 * check) and must keep at least half its nominal size: the random-effects z test is conservative
 * when the effects are homogeneous (tau-squared is estimated above 0 about half the time), and
 * both the IV and the ITT test show it (2.9% and 3.3% with REML and with DL; docs/designs.md).
 *
 * <p>Weak instruments (the built-in encouragement-trial-null, F about 10 per study): the ITT test
 * keeps its size within 3 MCSE (1,000 replications: .0069), but the pooled per-study Wald
 * estimates are biased towards the confounded association and the IV test rejects far more
 * often than alpha at 66 studies (37% in docs/designs.md); the test requires more than
 * alpha + 5 MCSE, the documented failure. The pooled Wald ratio's set ({@code iv_ratio}) inverts
 * the pooled test of ITT - b x first stage = 0: its test of no effect is the ITT test (the same
 * rejections, exactly) and its coverage of the causal effect is 95% within 3 MCSE (.0069) at 20
 * and at 66 weak trials.
 *
 * <p>A pooled first stage too weak to bound the effect (3 trials of 60, first stage .1, F about
 * .6 per trial; equal-effects pooling, 2,000 replications): the set is often unbounded (two rays
 * or the whole line), and its coverage stays at 95% within 3 MCSE (.0049), which a set that
 * dropped the unbounded cases or misread two rays would not keep.
 */
@Tag("slow")
class InstrumentalVariableSizeTest {
    private static final double ALPHA = 0.05;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"REML", "DL", "PM", "EE"})
    void strongInstrumentHoldsItsSize(String estimator) throws Exception {
        Scenario s = Scenario.parse(EncouragementTrials.scenario("{\"share\": 0.5}", 0.5, 0, 0, 20, 400, 2000, estimator),
            "size.json", "size");
        ConditionSummary c = MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).withThreads(2)
            .run(tmp.resolve(estimator)).summary().orElseThrow().conditions().get(0);
        double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / c.replications());
        String[][] tests = {{Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.REJECTION_RATE},
            {Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.ITT_REJECTION_RATE},
            {Analyses.POOLED_WALD_RATIO, MeasureNames.REJECTION_RATE}};
        for (String[] test : tests) {
            String measure = test[0] + " " + test[1];
            double rate = c.value(test[0], test[1]);
            String at = estimator + " " + measure + " " + rate;
            assertTrue(rate <= ALPHA + 3 * mcse, at);
            assertTrue(rate >= ALPHA / 2, at);
        }
    }

    @Test
    void weakInstrumentsBiasThePooledWaldEstimatesButNotTheIttTest() throws Exception {
        Scenario s = Scenario.resolve("encouragement-trial-null");
        var conditions = MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).withThreads(2)
            .run(tmp.resolve("null")).summary().orElseThrow().conditions();
        for (int index : new int[] {0, 2}) {
            ConditionSummary c = conditions.get(index);
            assertEquals(0, c.info().factors().get("exclusion_violation"), 0);
            double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / c.replications());
            double itt = c.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.ITT_REJECTION_RATE);
            assertEquals(ALPHA, itt, 3 * mcse, "ITT size, condition " + index);
            double ratio = c.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.MEAN_RATIO_OF_POOLED);
            assertEquals(0, ratio, 0.01, "ratio of pooled, condition " + index);
            assertEquals(itt, c.value(Analyses.POOLED_WALD_RATIO, MeasureNames.REJECTION_RATE), 0,
                "the set's test of no effect is the ITT test, condition " + index);
            double coverage = c.find(Analyses.POOLED_WALD_RATIO, MeasureNames.COVERAGE, Estimand.IV_CAUSAL_EFFECT)
                .orElseThrow().value();
            assertEquals(1 - ALPHA, coverage, 3 * mcse, "coverage of the set, condition " + index);
        }
        ConditionSummary k66 = conditions.get(2);
        double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / k66.replications());
        assertTrue(k66.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.REJECTION_RATE) > ALPHA + 5 * mcse);
        assertTrue(k66.find(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.BIAS, Estimand.IV_CAUSAL_EFFECT).orElseThrow()
            .value() > 0.03);
    }

    @Test
    void anUnboundedSetStillCovers() throws Exception {
        Scenario s = Scenario.parse(EncouragementTrials.scenario("{\"share\": 0.5}", 0.1, 0, 0, 3, 60, 2000, "EE"),
            "weak.json", "weak");
        ConditionSummary c = MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).withThreads(2)
            .run(tmp.resolve("weak")).summary().orElseThrow().conditions().get(0);
        double bounded = c.value(Analyses.POOLED_WALD_RATIO, MeasureNames.SHARE_BOUNDED);
        assertTrue(bounded < 0.8, "unbounded sets are common: bounded in " + bounded);
        var coverage = c.find(Analyses.POOLED_WALD_RATIO, MeasureNames.COVERAGE, Estimand.IV_CAUSAL_EFFECT).orElseThrow();
        double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / coverage.replications());
        assertTrue(coverage.replications() > 0.98 * c.replications(), "sets of other shapes are rare");
        assertEquals(1 - ALPHA, coverage.value(), 3 * mcse, "coverage with unbounded sets");
    }
}
