package org.alliancelab.simulate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.meta.iv.InstrumentalVariable;
import org.alliancelab.meta.iv.InstrumentalVariableResult;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.InstrumentalTruth;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encouragement trials: scenario syntax, the IV truth, the per-replication analysis, the two engines. */
class InstrumentalVariableAnalysisTest {
    @TempDir
    Path tmp;

    private static Condition condition(String json) {
        return Scenario.parse(json, "iv.json", "iv").conditions().get(0);
    }

    @Test
    void truthIsTheCausalEffectWhenValidAndAddsTheDirectPathOverTheFirstStageWhenNot() {
        double a = 0.4;
        double b = 0.25;
        double scale = Math.sqrt(0.9 / 0.8);
        InstrumentalTruth valid = InstrumentalVariableAnalysis.truth(condition(
            EncouragementTrials.scenario("{\"share\": 0.5}", a, b, 0, 10, 100, 10, "REML")));
        assertEquals(b * scale, valid.causalEffect(), 1e-12);
        assertEquals(b * scale, valid.estimand(), 1e-12);
        assertEquals(a * Math.sqrt(0.8), valid.firstStageCorrelation(), 1e-12);
        double g = 0.1;
        InstrumentalTruth violated = InstrumentalVariableAnalysis.truth(condition(
            EncouragementTrials.scenario("{\"share\": 0.5}", a, b, g, 10, 100, 10, "REML")));
        assertEquals(b * scale, violated.causalEffect(), 1e-12);
        assertEquals((b + g / a) * scale, violated.estimand(), 1e-12);
        // no first stage: the estimand is undefined, not an infinite effect, with or without a direct path
        for (double direct : new double[] {0, g}) {
            InstrumentalTruth none = InstrumentalVariableAnalysis.truth(condition(
                EncouragementTrials.scenario("{\"share\": 0.5}", 0, b, direct, 10, 100, 10, "REML")));
            assertTrue(Double.isNaN(none.estimand()), "estimand with direct path " + direct + ": " + none.estimand());
            assertEquals(b * scale, none.causalEffect(), 1e-12);
        }
    }

    @Test
    void analysisOfOneReplicationIsThePoolingOfTheStudiesWaldEstimates() {
        Condition c = condition(EncouragementTrials.scenario("{\"share\": 0.3}", 0.4, 0.2, 0, 12, 80, 10, "DL"));
        for (Engine engine : List.of(Engine.SUFFICIENT, Engine.PATIENT)) {
            StudySimulator sim = engine.simulator(c);
            ReplicationData data = ReplicationData.of(sim, c.analyses());
            int k = sim.simulateInPlace(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
            data.load(k);
            InstrumentalVariableAnalysis analysis = InstrumentalVariableAnalysis.of(List.of(c));
            RecordLayout layout = RecordLayout.ofGroups(analysis.columns());
            double[] record = new double[layout.size()];
            Arrays.fill(record, Double.NaN);
            List<Failure> failures = new ArrayList<>();
            analysis.newComputation(c, layout).compute(data, record, failures);
            assertTrue(failures.isEmpty(), failures.toString());
            // Independently: each study's estimate from its covariances, pooled with the scenario's model.
            double[] yi = new double[k];
            double[] vi = new double[k];
            double[] f = new double[k];
            double[] s = new double[6];
            for (int i = 0; i < k; i++) {
                sim.studyInstrumentCovariances(i, s);
                InstrumentalVariableResult r = InstrumentalVariable.of(sim.studyN(i), s[0], s[1], s[2], s[3], s[4], s[5]);
                yi[i] = r.estimate();
                vi[i] = r.variance();
                f[i] = r.firstStageF();
            }
            MetaAnalysisResult fit = ReplicationData.poolingModel(c.analyses()).fit(yi, vi);
            assertEquals(k, record[layout.indexOf("iv.k")]);
            assertEquals(fit.estimate(), record[layout.indexOf("iv.estimate")], 1e-12);
            assertEquals(fit.se(), record[layout.indexOf("iv.se")], 1e-12);
            assertEquals(fit.pValue(), record[layout.indexOf("iv.p")], 1e-12);
            assertEquals(fit.tau2(), record[layout.indexOf("iv.tau2")], 1e-12);
            assertEquals(Arrays.stream(f).average().orElseThrow(), record[layout.indexOf("iv.mean_f")], 1e-9);
            Arrays.sort(f);
            assertEquals((f[5] + f[6]) / 2, record[layout.indexOf("iv.median_f")], 1e-9);
            assertEquals(Arrays.stream(f).filter(x -> x < 10).count() / 12.0, record[layout.indexOf("iv.share_weak")],
                1e-15);
        }
    }

    /**
     * The patient engine's instrument is a true (standardized) Bernoulli: its sample variance
     * over 400 studies of 200 has the spread of a Bernoulli's, {@code Var(s^2) = excess/n + 2/(n - 1)}
     * with excess kurtosis {@code (1 - 6pq)/(pq)} = -1.238 at p = .3 (SD .0621), not a normal's
     * (SD .1003); the SD of 400 sample variances is within 15% (about 4 of its SEs).
     */
    @Test
    void patientEngineDrawsABinaryInstrument() {
        Condition c = condition(EncouragementTrials.scenario("{\"share\": 0.3}", 0.4, 0.2, 0, 400, 200, 10, "REML"));
        StudySimulator sim = Engine.PATIENT.simulator(c);
        int k = sim.simulateInPlace(RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        double[] s = new double[6];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            sim.studyInstrumentCovariances(i, s);
            v[i] = s[0];
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (k - 1));
        double pq = 0.3 * 0.7;
        double expected = Math.sqrt((1 - 6 * pq) / pq / 200 + 2.0 / 199);
        assertEquals(1.0, mean, 0.02);
        assertEquals(expected, sd, 0.15 * expected);
    }

    /**
     * Both engines give the same distribution of the pooled IV estimate: 600 replications each of
     * 20 studies of 100 patients with a binary instrument (first stage .4, effect .2). The means
     * must agree within 4 combined MCSE (false alarm 6e-5) and the SDs within 4 SEs of their
     * ratio (SE of an SD about SD / sqrt(2(R - 1))).
     */
    @Test
    void enginesAgreeOnThePooledEstimate() throws Exception {
        String json = EncouragementTrials.scenario("{\"share\": 0.5}", 0.4, 0.2, 0, 20, 100, 600, "REML");
        Scenario s = Scenario.parse(json, "iv.json", "iv");
        double[] mean = new double[2];
        double[] sd = new double[2];
        int r = 0;
        for (Engine e : List.of(Engine.SUFFICIENT, Engine.PATIENT)) {
            ConditionSummary c = MonteCarloRunner.of(ScenarioDesign.of(s, e)).withThreads(2)
                .run(tmp.resolve(e.key())).summary().orElseThrow().conditions().get(0);
            mean[r] = c.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.MEAN);
            sd[r] = c.value(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.EMPIRICAL_SE);
            r++;
        }
        double mcse = Math.sqrt((sd[0] * sd[0] + sd[1] * sd[1]) / 600);
        assertEquals(mean[0], mean[1], 4 * mcse, "means " + Arrays.toString(mean));
        double ratioSe = Math.sqrt(2.0 / (2 * 599));
        assertEquals(1, sd[0] / sd[1], 4 * ratioSe, "SDs " + Arrays.toString(sd));
    }

    @Test
    void registeredOnlyWithARandomizedNode() {
        Scenario with = Scenario.parse(EncouragementTrials.scenario("{\"distribution\": \"normal\"}", 0.4, 0.2, 0, 5, 50,
            10, "REML"), "iv.json", "iv");
        assertTrue(StandardAnalyses.of(with.conditions()).stream().anyMatch(a -> a.name().equals("iv")));
        for (String name : List.of("causal", "fluckiger2018")) {
            assertFalse(StandardAnalyses.of(Scenario.resolve(name).conditions()).stream()
                .anyMatch(a -> a.name().equals("iv")), name);
        }
        assertEquals("iv_causal_effect", Estimand.IV_CAUSAL_EFFECT.key());
    }

    @Test
    void badRandomizedNodesAreRefusedWithTheirPointer() {
        String base = EncouragementTrials.scenario("{\"share\": 0.5}", 0.4, 0.2, 0, 5, 50, 10, "REML");
        assertError(base.replace("{\"from\": \"U\", \"to\": \"X\"", "{\"from\": \"U\", \"to\": \"Z\", \"beta\": 0.1},"
            + " {\"from\": \"U\", \"to\": \"X\""), "iv.json: /model/paths/1/to: 'Z' is randomized: no path may point into it");
        assertError(base.replace("{\"share\": 0.5}", "{\"share\": 1.0}"),
            "iv.json: /model/nodes/0/randomized/share: must be in (0, 1) (exclusive), got 1.0");
        assertError(base.replace("{\"share\": 0.5}", "{\"distribution\": \"uniform\"}"),
            "iv.json: /model/nodes/0/randomized/distribution: expected {\"share\": p} (a binary assignment) or "
                + "{\"distribution\": \"normal\"}, got 'uniform'");
        assertError(base.replace("\"randomized\": {\"share\": 0.5}", "\"randomized\": {\"share\": 0.5}, \"reliability\": 0.9"),
            "iv.json: /model/nodes/0/reliability: a randomized node is recorded without error: it has no reliability");
        assertError(base.replace("\"randomized\": {\"share\": 0.5}", "\"randomized\": {\"share\": 0.5}, \"observed\": false"),
            "iv.json: /model/nodes/0/observed: the randomized node 'Z' is assigned by the trial, so it is observed");
        assertError(base.replace("\"outcome\": \"Y\"", "\"outcome\": \"Y\", \"adjustment\": [\"Z\"]"),
            "iv.json: /model/adjustment/0: the randomized node 'Z' is the instrument and cannot be a covariate");
    }

    private static void assertError(String json, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(json, "iv.json", "iv"));
        assertEquals(message, e.getMessage());
    }
}
