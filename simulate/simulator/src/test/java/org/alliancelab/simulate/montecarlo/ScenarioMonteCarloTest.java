package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancelab.meta.comparison.DifferenceTest;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.comparison.PairedComparison;
import org.alliancelab.meta.regression.SandwichEstimator;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSize;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.SimulatedReplication;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a built-in scenario: determinism, resume, shards, and the per-replication analyses. */
class ScenarioMonteCarloTest {
    private static final String[] FILES = {"summary.json", "summary.csv", "replications.csv"};

    @TempDir
    Path tmp;

    private static ScenarioDesign causal(int reps) {
        // built-in "causal": 3 grid conditions, 50 studies per replication
        return ScenarioDesign.of(Scenario.builtIn("causal").withReplications(reps), Engine.SUFFICIENT);
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void threadsResumeAndShardsAllGiveTheSameFiles() throws IOException {
        MonteCarloRunner.of(causal(120)).withThreads(1).run(tmp.resolve("one"));
        MonteCarloRunner.of(causal(120)).withThreads(2).run(tmp.resolve("two"));
        assertSameFiles(tmp.resolve("one"), tmp.resolve("two"));

        AtomicInteger polls = new AtomicInteger();
        RunResult stopped = MonteCarloRunner.of(causal(120)).withThreads(2)
            .withStopRequest(() -> polls.incrementAndGet() > 3).run(tmp.resolve("resumed"));
        assertEquals(RunResult.Status.STOPPED, stopped.status());
        MonteCarloRunner.of(causal(120)).withThreads(2).run(tmp.resolve("resumed"));
        assertSameFiles(tmp.resolve("one"), tmp.resolve("resumed"));

        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path d = tmp.resolve("s" + i);
            MonteCarloRunner.of(causal(120)).withShard(new Shard(i, 3)).run(d);
            shards.add(d);
        }
        // the design is rebuilt from the scenario JSON stored in the shard directories
        MonteCarloCollector.collect(shards, tmp.resolve("collected"), ScenarioDesign::fromStored);
        assertSameFiles(tmp.resolve("one"), tmp.resolve("collected"));
    }

    @Test
    void recordsEqualAnIndependentReanalysisOfTheSameStudies() {
        ScenarioDesign design = causal(5);
        Scenario scenario = design.scenario();
        RecordLayout layout = design.layout();
        Condition condition = scenario.conditions().get(2);
        ReplicationWorker worker = design.newWorker(2);
        RandomEffectsModel model = RandomEffectsModel.of(condition.analyses().estimator())
            .withTest(condition.analyses().test()).withConfidenceLevel(1 - condition.analyses().alpha());
        for (int rep = 0; rep < 5; rep++) {
            double[] values = new double[layout.size()];
            Arrays.fill(values, Double.NaN);
            List<Failure> failures = worker.run(ReplicationSeeds.provider(scenario.seed(), 2, rep), values);
            assertTrue(failures.isEmpty(), failures.toString());
            // The same studies again, from the same seed coordinates, analysed through core's public API.
            SimulatedReplication sim = StudySimulator.of(condition, Engine.SUFFICIENT)
                .simulate(ReplicationSeeds.provider(scenario.seed(), 2, rep));
            List<EffectSize> all = new ArrayList<>();
            List<EffectSize> unadj = new ArrayList<>();
            List<EffectSize> adj = new ArrayList<>();
            List<Double> rho = new ArrayList<>();
            int negative = 0;
            for (SimulatedStudy s : sim.studies()) {
                EffectSize z = EffectSizes.of(CorrelationMeasure.ZCOR, s.r(), s.n(), 0);
                all.add(z);
                negative += s.r() < 0 ? 1 : 0;
                if (s.reportsAdjusted()) {
                    unadj.add(z);
                    adj.add(EffectSizes.of(CorrelationMeasure.ZPCOR, s.partialR(), s.n(), s.covariates()));
                    rho.add(s.pairedCorrelation());
                }
            }
            MetaAnalysisResult a1 = model.fit(all);
            MetaAnalysisResult a2 = model.fit(unadj);
            MetaAnalysisResult a3 = model.fit(adj);
            assertPooled(values, layout, "unadjusted_all", a1);
            assertPooled(values, layout, "unadjusted_reporting", a2);
            assertPooled(values, layout, "adjusted", a3);
            DifferenceTest d = EstimateComparison.independent(a3, a2, 1 - condition.analyses().alpha());
            assertEquals(d.difference(), values[layout.indexOf("difference_subgroup.difference")], 1e-12);
            assertEquals(d.pValue(), values[layout.indexOf("difference_subgroup.p")], 1e-12);
            // The default paired comparison: cluster-robust CR2 on the within-study differences.
            PairedComparison p = EstimateComparison.pairedRobust(
                adj.stream().mapToDouble(EffectSize::yi).toArray(), adj.stream().mapToDouble(EffectSize::vi).toArray(),
                unadj.stream().mapToDouble(EffectSize::yi).toArray(), unadj.stream().mapToDouble(EffectSize::vi).toArray(),
                rho.stream().mapToDouble(Double::doubleValue).toArray(), model, SandwichEstimator.CR2);
            assertEquals(p.robust().estimate(), values[layout.indexOf("difference_paired.difference")], 1e-12);
            assertEquals(p.robust().pValue(), values[layout.indexOf("difference_paired.p")], 1e-12);
            assertEquals(p.robust().df(), values[layout.indexOf("difference_paired.df")], 1e-9);
            assertEquals(p.pooled().tau2(), values[layout.indexOf("difference_paired.tau2")], 1e-15);
            assertEquals((double) negative / all.size(), values[layout.indexOf("studies.share_negative")], 0);
            assertEquals(adj.size(), values[layout.indexOf("studies.k_adjusted")], 0);
        }
    }

    private static void assertPooled(double[] values, RecordLayout layout, String analysis, MetaAnalysisResult r) {
        MetaAnalysisResult.CorrelationSummary c = r.toCorrelation();
        assertEquals(r.k(), values[layout.indexOf(analysis + ".k")], 0, analysis);
        assertEquals(c.r(), values[layout.indexOf(analysis + ".r")], 1e-12, analysis);
        assertEquals(c.ciLower(), values[layout.indexOf(analysis + ".ci_lower")], 1e-12, analysis);
        assertEquals(c.ciUpper(), values[layout.indexOf(analysis + ".ci_upper")], 1e-12, analysis);
        assertEquals(c.piLower(), values[layout.indexOf(analysis + ".pi_lower")], 1e-12, analysis);
        assertEquals(r.pValue(), values[layout.indexOf(analysis + ".p")], 1e-15, analysis);
        assertEquals(r.tau2(), values[layout.indexOf(analysis + ".tau2")], 1e-15, analysis);
        assertEquals(r.i2(), values[layout.indexOf(analysis + ".i2")], 1e-10, analysis);
    }

    private static Scenario moderated() throws IOException {
        try (var in = ScenarioMonteCarloTest.class.getResourceAsStream("/montecarlo/moderated.json")) {
            return Scenario.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                "moderated.json", "moderated");
        }
    }

    @Test
    void moderatorLevelsAreSubgroupAnalysesAndAbsentLevelsAreReportedFailures() throws IOException {
        Scenario scenario = moderated();
        ScenarioDesign design = ScenarioDesign.of(scenario, Engine.SUFFICIENT);
        RecordLayout layout = design.layout();
        Condition condition = scenario.conditions().get(0);
        RandomEffectsModel model = RandomEffectsModel.of(condition.analyses().estimator());
        List<Integer> expectedMissing = new ArrayList<>();
        ReplicationWorker worker = design.newWorker(0);
        for (int rep = 0; rep < scenario.replications(); rep++) {
            double[] values = new double[layout.size()];
            Arrays.fill(values, Double.NaN);
            List<Failure> failures = worker.run(ReplicationSeeds.provider(scenario.seed(), 0, rep), values);
            SimulatedReplication sim = StudySimulator.of(condition, Engine.SUFFICIENT)
                .simulate(ReplicationSeeds.provider(scenario.seed(), 0, rep));
            int k = sim.studies().size();
            double[] yi = new double[k];
            double[] vi = new double[k];
            String[] timing = new String[k];
            String[] disorder = new String[k];
            for (int i = 0; i < k; i++) {
                SimulatedStudy s = sim.studies().get(i);
                EffectSize z = EffectSizes.of(CorrelationMeasure.ZCOR, s.r(), s.n(), 0);
                yi[i] = z.yi();
                vi[i] = z.vi();
                timing[i] = s.moderatorLevels().get("timing");
                disorder[i] = s.moderatorLevels().get("disorder");
            }
            var t = org.alliancelab.meta.subgroup.SubgroupAnalysis.of(model).fit(yi, vi, timing);
            assertEquals(t.qBetween(), values[layout.indexOf("timing.q_between")], 1e-9);
            assertEquals(t.pValue(), values[layout.indexOf("timing.p")], 1e-12);
            for (String level : List.of("early", "late")) {
                assertPooled(values, layout, "timing=" + level, t.group(level).result());
            }
            boolean substance = Arrays.asList(disorder).contains("substance_use");
            if (substance) {
                var d = org.alliancelab.meta.subgroup.SubgroupAnalysis.of(model).fit(yi, vi, disorder);
                assertPooled(values, layout, "disorder=substance_use", d.group("substance_use").result());
            } else {
                expectedMissing.add(rep);
                assertTrue(Double.isNaN(values[layout.indexOf("disorder=substance_use.r")]));
                assertTrue(failures.contains(new Failure("disorder=substance_use", "no studies at this level")),
                    failures.toString());
            }
        }
        // P(no substance-use study among 30) = 0.93^30 = 0.11: some of the 40 replications lack it
        assertTrue(!expectedMissing.isEmpty(), "the example must exercise an absent level");

        RunResult run = MonteCarloRunner.of(design).run(tmp.resolve("mod"));
        ConditionSummary c = run.summary().orElseThrow().conditions().get(0);
        List<Integer> reported = new ArrayList<>();
        for (ConditionSummary.FailedReplication f : c.failures()) {
            if (f.failures().stream().anyMatch(x -> x.analysis().equals("disorder=substance_use"))) {
                reported.add(f.replication());
            }
        }
        assertEquals(expectedMissing, reported);
        assertEquals(scenario.replications() - expectedMissing.size(),
            (long) c.find("disorder=substance_use", "replications", "").orElseThrow().value());
        // the level's truth is the substance-use cells' mixture: no causal effect at the mean
        // paths there; the studies' effects vary about 0 (sd .05), so the expectation is small
        assertEquals(0.0, c.info().truthByModerator().get("disorder").get("substance_use").causal(), 1e-3);
    }

    @Test
    void dropoutScenarioDefaultsToThePatientEngine() {
        assertEquals(Engine.PATIENT, ScenarioDesign.defaultEngine(Scenario.builtIn("dropout")));
        assertEquals(Engine.SUFFICIENT, ScenarioDesign.defaultEngine(Scenario.builtIn("causal")));
    }
}
