package org.alliancelab.simulate.montecarlo;

import static org.alliancelab.simulate.montecarlo.AnalysisNames.column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.subgroup.Subgroup;
import org.alliancelab.meta.subgroup.SubgroupAnalysis;
import org.alliancelab.meta.subgroup.SubgroupResult;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.scenario.AnalysisSettings;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Moderator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replication of a condition: simulates the published studies and runs the meta-analyses
 * the synthesis ran, with the scenario's estimator, test and alpha (intervals at 1 - alpha):
 * <ol>
 * <li>{@code unadjusted_all}: Fisher z of r, v = 1/(n - 3) (ZCOR), all published studies;</li>
 * <li>{@code unadjusted_reporting}: the same on the studies reporting an adjusted estimate;</li>
 * <li>{@code adjusted}: Fisher z of the partial r, v = 1/(n - p - 3) (ZPCOR), those studies;</li>
 * <li>{@code difference_subgroup}: z<sub>adjusted</sub> - z<sub>unadjusted</sub> of the pooled
 *     estimates of 3 and 2 as two independent estimates (Wald test, equal to Q-between with one
 *     df; {@link EstimateComparison#independent}); {@code difference_paired}: the within-study
 *     differences pooled by random effects with v<sub>A</sub> + v<sub>B</sub> - 2&rho;
 *     sqrt(v<sub>A</sub>v<sub>B</sub>), &rho; = {@link SimulatedStudy#pairedCorrelation()}
 *     ({@link EstimateComparison#paired});</li>
 * <li>per moderator: a subgroup analysis of the unadjusted z values with separate
 *     tau<sup>2</sup> per level and Q-between ({@link SubgroupAnalysis}).</li>
 * </ol>
 * Pooled r, CI and PI are back-transformed with tanh. An analysis that throws (no studies, an
 * estimator that does not converge, an invalid variance) leaves its columns NaN and is
 * reported as a {@link Failure}; so is a moderator level without studies.
 *
 * <p>Not thread-safe: keeps scratch arrays and a {@link StudySimulator}; one per thread.
 */
final class ReplicationAnalysis implements ReplicationWorker {
    private static final String NO_STUDIES = "no studies at this level";

    private final StudySimulator simulator;
    private final RandomEffectsModel model;
    private final SubgroupAnalysis subgroups;
    private final PoolingWorkspace workspace = new PoolingWorkspace();
    private final double level;
    private final int[] studyColumns;
    private final int[] unadjustedAll;
    private final int[] unadjustedReporting;
    private final int[] adjusted;
    private final int[] differenceSubgroup;
    private final int[] differencePaired;
    private final List<Moderator> moderators;
    private final int[][] betweenColumns;
    private final int[][][] levelColumns;
    /** Per moderator and moderator cell, the cell's level name. */
    private final String[][] cellLevels;

    private double[] yi = new double[64];
    private double[] vi = new double[64];
    private double[] yu = new double[64];
    private double[] vu = new double[64];
    private double[] ya = new double[64];
    private double[] va = new double[64];
    private double[] rho = new double[64];
    private double[] moderatorY = new double[0];
    private double[] moderatorV = new double[0];
    private String[] moderatorLevels = new String[0];

    private ReplicationAnalysis(Condition condition, Engine engine, RecordLayout layout) {
        this.simulator = StudySimulator.of(condition, engine);
        AnalysisSettings s = condition.analyses();
        this.level = 1 - s.alpha();
        this.model = RandomEffectsModel.of(s.estimator()).withTest(s.test()).withConfidenceLevel(level);
        this.subgroups = SubgroupAnalysis.of(model);
        this.studyColumns = columns(layout, AnalysisNames.STUDIES, AnalysisNames.STUDY_COUNTS);
        this.unadjustedAll = columns(layout, AnalysisNames.UNADJUSTED_ALL, AnalysisNames.POOLED);
        this.unadjustedReporting = columns(layout, AnalysisNames.UNADJUSTED_REPORTING, AnalysisNames.POOLED);
        this.adjusted = columns(layout, AnalysisNames.ADJUSTED, AnalysisNames.POOLED);
        this.differenceSubgroup = columns(layout, AnalysisNames.DIFFERENCE_SUBGROUP, AnalysisNames.DIFFERENCE);
        this.differencePaired = columns(layout, AnalysisNames.DIFFERENCE_PAIRED, AnalysisNames.PAIRED);
        this.moderators = condition.design().moderators();
        this.betweenColumns = new int[moderators.size()][];
        this.levelColumns = new int[moderators.size()][][];
        this.cellLevels = new String[moderators.size()][condition.cells().size()];
        for (int c = 0; c < condition.cells().size(); c++) {
            for (int m = 0; m < moderators.size(); m++) {
                cellLevels[m][c] = condition.cells().get(c).levels().get(moderators.get(m).name());
            }
        }
        for (int m = 0; m < moderators.size(); m++) {
            Moderator mod = moderators.get(m);
            betweenColumns[m] = columns(layout, mod.name(), AnalysisNames.BETWEEN);
            levelColumns[m] = new int[mod.levels().size()][];
            for (int l = 0; l < mod.levels().size(); l++) {
                levelColumns[m][l] = columns(layout, AnalysisNames.level(mod.name(), mod.levels().get(l).name()),
                    AnalysisNames.POOLED);
            }
        }
    }

    /**
     * @param condition the condition
     * @param engine the engine
     * @param layout the record layout of the design
     * @return a worker for one thread
     */
    static ReplicationAnalysis of(Condition condition, Engine engine, RecordLayout layout) {
        return new ReplicationAnalysis(condition, engine, layout);
    }

    /** Column indices of an analysis's quantities, or null when the layout lacks the analysis. */
    private static int[] columns(RecordLayout layout, String analysis, List<String> quantities) {
        if (!layout.columns().contains(column(analysis, quantities.get(0)))) {
            return null;
        }
        int[] out = new int[quantities.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = layout.indexOf(column(analysis, quantities.get(i)));
        }
        return out;
    }

    private void ensureCapacity(int k) {
        if (yi.length < k) {
            int n = Math.max(k, 2 * yi.length);
            yi = new double[n];
            vi = new double[n];
            yu = new double[n];
            vu = new double[n];
            ya = new double[n];
            va = new double[n];
            rho = new double[n];
        }
    }

    @Override
    public List<Failure> run(UniformRandomProvider rng, double[] values) {
        StudySimulator sim = simulator;
        int k = sim.simulateInPlace(rng);
        ensureCapacity(k);
        List<Failure> failures = new ArrayList<>(0);
        int ka = 0;
        int negative = 0;
        double sumN = 0;
        int covariates = sim.covariates();
        for (int i = 0; i < k; i++) {
            int n = sim.studyN(i);
            double r = sim.studyR(i);
            double partialR = sim.studyPartialR(i);
            yi[i] = Correlations.toFisherZ(r);
            vi[i] = 1.0 / CorrelationMeasure.ZCOR.varianceDenominator(n, 0);
            sumN += n;
            if (r < 0) {
                negative++;
            }
            if (!Double.isNaN(partialR)) {
                yu[ka] = yi[i];
                vu[ka] = vi[i];
                ya[ka] = Correlations.toFisherZ(partialR);
                va[ka] = 1.0 / CorrelationMeasure.ZPCOR.varianceDenominator(n, covariates);
                rho[ka] = sim.studyPairedCorrelation(i);
                ka++;
            }
        }
        // studies.k, k_adjusted, share_negative, mean_n, invalid_draws, suppressed
        values[studyColumns[0]] = k;
        values[studyColumns[1]] = ka;
        values[studyColumns[2]] = k == 0 ? Double.NaN : (double) negative / k;
        values[studyColumns[3]] = k == 0 ? Double.NaN : sumN / k;
        values[studyColumns[4]] = sim.invalidDraws();
        values[studyColumns[5]] = sim.suppressedStudies();

        pool(AnalysisNames.UNADJUSTED_ALL, unadjustedAll, yi, vi, k, values, failures);
        if (unadjustedReporting != null) {
            MetaAnalysisResult unadj = pool(AnalysisNames.UNADJUSTED_REPORTING, unadjustedReporting, yu, vu, ka,
                values, failures);
            MetaAnalysisResult adj = pool(AnalysisNames.ADJUSTED, adjusted, ya, va, ka, values, failures);
            if (differenceSubgroup != null) {
                if (unadj == null || adj == null) {
                    failures.add(new Failure(AnalysisNames.DIFFERENCE_SUBGROUP, "a pooled estimate failed"));
                } else {
                    try {
                        var d = EstimateComparison.independent(adj, unadj, level);
                        set(values, differenceSubgroup, d.difference(), d.se(), d.ciLower(), d.ciUpper(), d.pValue());
                    } catch (RuntimeException e) {
                        failures.add(Failure.of(AnalysisNames.DIFFERENCE_SUBGROUP, e));
                    }
                }
            }
            if (differencePaired != null) {
                try {
                    MetaAnalysisResult p = EstimateComparison.paired(Arrays.copyOf(ya, ka), Arrays.copyOf(va, ka),
                        Arrays.copyOf(yu, ka), Arrays.copyOf(vu, ka), Arrays.copyOf(rho, ka), model);
                    set(values, differencePaired, p.k(), p.estimate(), p.se(), p.ciLower(), p.ciUpper(), p.pValue(),
                        p.tau2(), p.i2());
                } catch (RuntimeException e) {
                    failures.add(Failure.of(AnalysisNames.DIFFERENCE_PAIRED, e));
                }
            }
        }
        if (!moderators.isEmpty()) {
            moderatorAnalyses(k, values, failures);
        }
        return failures;
    }

    private void moderatorAnalyses(int k, double[] values, List<Failure> failures) {
        if (moderatorY.length != k) {
            // Subgroup analysis takes whole arrays: kept while the number of studies stays the same.
            moderatorY = new double[k];
            moderatorV = new double[k];
            moderatorLevels = new String[k];
        }
        double[] y = moderatorY;
        double[] v = moderatorV;
        String[] levels = moderatorLevels;
        System.arraycopy(yi, 0, y, 0, k);
        System.arraycopy(vi, 0, v, 0, k);
        for (int m = 0; m < moderators.size(); m++) {
            Moderator mod = moderators.get(m);
            String[] byCell = cellLevels[m];
            for (int i = 0; i < k; i++) {
                levels[i] = byCell[simulator.studyCell(i)];
            }
            SubgroupResult result;
            try {
                result = subgroups.fit(y, v, levels);
            } catch (RuntimeException e) {
                // Q-between needs every level; the levels that can be pooled are still reported.
                failures.add(Failure.of(mod.name(), e));
                fitLevelsSeparately(m, y, v, levels, values, failures);
                continue;
            }
            set(values, betweenColumns[m], result.qBetween(), result.df(), result.pValue());
            for (int l = 0; l < mod.levels().size(); l++) {
                String name = mod.levels().get(l).name();
                Subgroup g = null;
                for (Subgroup x : result.groups()) {
                    if (x.level().equals(name)) {
                        g = x;
                    }
                }
                if (g == null) {
                    failures.add(new Failure(AnalysisNames.level(mod.name(), name), NO_STUDIES));
                } else {
                    setPooled(values, levelColumns[m][l], g.result());
                }
            }
        }
    }

    /**
     * Pools each level of moderator m on its own, recording the levels that fail. Uses the
     * yu/vu scratch arrays, free again once the reporting analyses are written.
     */
    private void fitLevelsSeparately(int m, double[] y, double[] v, String[] levels, double[] values,
                                     List<Failure> failures) {
        Moderator mod = moderators.get(m);
        for (int l = 0; l < mod.levels().size(); l++) {
            String name = mod.levels().get(l).name();
            int n = 0;
            for (int i = 0; i < levels.length; i++) {
                if (name.equals(levels[i])) {
                    yu[n] = y[i];
                    vu[n] = v[i];
                    n++;
                }
            }
            String analysis = AnalysisNames.level(mod.name(), name);
            if (n == 0) {
                failures.add(new Failure(analysis, NO_STUDIES));
            } else {
                pool(analysis, levelColumns[m][l], yu, vu, n, values, failures);
            }
        }
    }

    /** Pools the first k studies into the workspace; on failure records it and returns null. */
    private MetaAnalysisResult pool(String analysis, int[] cols, double[] y, double[] v, int k, double[] values,
                                    List<Failure> failures) {
        try {
            model.fit(y, v, k, workspace);
        } catch (RuntimeException e) {
            failures.add(Failure.of(analysis, e));
            return null;
        }
        MetaAnalysisResult r = workspace.toResult();
        setPooled(values, cols, r);
        return r;
    }

    private static void setPooled(double[] values, int[] cols, MetaAnalysisResult r) {
        set(values, cols, r.k(), Math.tanh(r.estimate()), r.se(), Math.tanh(r.ciLower()), Math.tanh(r.ciUpper()),
            r.pValue(), r.tau2(), r.i2(), Math.tanh(r.piLower()), Math.tanh(r.piUpper()));
    }

    private static void set(double[] values, int[] cols, double... x) {
        for (int i = 0; i < cols.length; i++) {
            values[cols[i]] = x[i];
        }
    }
}
