package org.alliancelab.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.montecarlo.ReplicationSeeds;
import org.alliancelab.simulate.montecarlo.ReplicationWorker;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.scenario.Scenario;

/**
 * The counterpart of {@code benchmarks/compare/causal-replication.R}: times one replication of
 * the built-in {@code causal} scenario, condition 1 (generation of the studies and all the
 * scenario's meta-analyses), with each engine, and checks the same model and analyses as R.
 * Prints tab-separated lines:
 * <pre>
 *   truth        unadjusted adjusted          population values of condition 1
 *   replication  ours-PATIENT median_seconds
 *   replication  ours-SUFFICIENT median_seconds
 *   pooled       ANALYSIS estimate tau2       REML on DIR/ANALYSIS.csv (written by the R script)
 * </pre>
 *
 * <p>Usage: {@code ReplicationTimer THRESHOLD DIR}. Method as {@link PoolingTimer}: about two
 * seconds of warm-up per engine, then the median of 21 batches of at least 50 ms; each
 * replication draws from its own stream (master seed, condition 0, replication index).
 */
public final class ReplicationTimer {

    private static final String SCENARIO = "causal";
    private static final String[] ANALYSES = {"unadjusted_all", "unadjusted_reporting", "adjusted"};
    private static final int BATCHES = 21;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long BATCH_NANOS = 50_000_000L;

    private ReplicationTimer() {
    }

    /**
     * Entry point.
     *
     * @param args convergence threshold, directory of the R replication's data
     * @throws IOException when a data file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReplicationTimer THRESHOLD DIR");
            System.exit(2);
        }
        double threshold = Double.parseDouble(args[0]);
        Path dir = Path.of(args[1]);
        Scenario scenario = Scenario.builtIn(SCENARIO);
        TruthValues truth = scenario.conditions().get(0).truth();
        System.out.printf(Locale.ROOT, "truth\t%.15e\t%.15e%n", truth.unadjusted(), truth.adjusted());

        for (Engine engine : new Engine[] {Engine.PATIENT, Engine.SUFFICIENT}) {
            ScenarioDesign design = ScenarioDesign.of(scenario, engine);
            ReplicationWorker worker = design.newWorker(0);
            double[] values = new double[design.layout().size()];
            int replication = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < WARMUP_NANOS) {
                Arrays.fill(values, Double.NaN);
                worker.run(ReplicationSeeds.provider(scenario.seed(), 0, replication++), values);
            }
            double[] perReplication = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                long t0 = System.nanoTime();
                long count = 0;
                long elapsed;
                do {
                    Arrays.fill(values, Double.NaN);
                    worker.run(ReplicationSeeds.provider(scenario.seed(), 0, replication++), values);
                    count++;
                    elapsed = System.nanoTime() - t0;
                } while (elapsed < BATCH_NANOS);
                perReplication[b] = elapsed * 1e-9 / count;
            }
            Arrays.sort(perReplication);
            System.out.printf(Locale.ROOT, "replication\tours-%s\t%.6e%n", engine, perReplication[BATCHES / 2]);
        }

        RandomEffectsModel reml = RandomEffectsModel.of(TauSquaredEstimator.REML).withConvergence(threshold, 1000);
        for (String analysis : ANALYSES) {
            double[][] data = PoolingTimer.readCsv(dir.resolve(analysis + ".csv"));
            MetaAnalysisResult r = reml.fit(data[0], data[1]);
            System.out.printf(Locale.ROOT, "pooled\t%s\t%.15e\t%.15e%n", analysis, r.estimate(), r.tau2());
        }
    }
}
