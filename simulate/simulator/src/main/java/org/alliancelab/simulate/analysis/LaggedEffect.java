package org.alliancelab.simulate.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.panel.PanelStatistics;
import org.alliancelab.meta.panel.PooledLaggedRegression;
import org.alliancelab.meta.panel.WithinPersonLaggedModel;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.PanelTruth;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * A random-effects meta-analysis of a per-study lagged effect of alliance on next-session
 * outcome in a session-by-session design: each study's estimate and its squared standard error
 * (from its panel statistics, {@link StudySimulator#studyPanel}) pooled with the scenario's
 * estimator and test, on the coefficient scale. Judged against the causal within-person effect
 * ({@link Estimand#CROSS_LAGGED}, so the rejection rate is power where c_xy &ne; 0 and size
 * where c_xy = 0) and against the estimator's own population limit.
 */
public final class LaggedEffect implements Analysis {

    /** Which per-study estimator. */
    public enum Estimator {
        /** The naive pooled OLS of y_t+1 on x_t and y_t ({@link PooledLaggedRegression}). */
        NAIVE(Analyses.NAIVE_LAGGED, Estimand.NAIVE_LAGGED_LIMIT),
        /** The within-person random-intercept model by REML ({@link WithinPersonLaggedModel}). */
        WITHIN(Analyses.WITHIN_LAGGED, Estimand.WITHIN_LAGGED_LIMIT);

        private final String analysis;
        private final Estimand limit;

        Estimator(String analysis, Estimand limit) {
            this.analysis = analysis;
            this.limit = limit;
        }

        /** @return the analysis name, e.g. {@code within_lagged} */
        public String analysis() {
            return analysis;
        }
    }

    private static final List<String> QUANTITIES = List.of("k", "estimate", "se", "ci_lower", "ci_upper", "p",
        "tau2", "i2", "pi_lower", "pi_upper");

    private final Estimator estimator;
    private final ColumnGroup group;
    private final List<PanelTruth> truths;

    private LaggedEffect(Estimator estimator, List<PanelTruth> truths) {
        this.estimator = estimator;
        this.group = new ColumnGroup(estimator.analysis, QUANTITIES);
        this.truths = truths;
    }

    /**
     * @param estimator the per-study estimator
     * @param conditions the scenario's conditions, all session-by-session designs
     * @return the analysis
     * @throws IllegalArgumentException when a condition has no {@code design.sessions}
     */
    public static LaggedEffect of(Estimator estimator, List<Condition> conditions) {
        List<PanelTruth> truths = new ArrayList<>();
        for (Condition c : conditions) {
            truths.add(PanelTruth.of(c.design().sessions()
                .orElseThrow(() -> new IllegalArgumentException("condition " + c.index() + " has no sessions"))));
        }
        return new LaggedEffect(estimator, List.copyOf(truths));
    }

    @Override
    public String name() {
        return estimator.analysis;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(group);
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        PanelTruth truth = truths.get(condition.index());
        Map<Estimand, Double> targets = new LinkedHashMap<>();
        targets.put(Estimand.CROSS_LAGGED, truth.crossLagged());
        targets.put(estimator.limit, estimator == Estimator.NAIVE ? truth.naiveLagged() : truth.withinLagged());
        Map<String, String> means = new LinkedHashMap<>();
        means.put(MeasureNames.MEAN_TAU2, Analyses.column(name(), "tau2"));
        means.put(MeasureNames.MEAN_I2, Analyses.column(name(), "i2"));
        means.put(MeasureNames.MEAN_K, Analyses.column(name(), "k"));
        return List.of(new MeasureSpec.Estimator(name(), Analyses.column(name(), "estimate"),
            Analyses.column(name(), "ci_lower"), Analyses.column(name(), "ci_upper"), Analyses.column(name(), "p"),
            targets, means));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group);
        PoolingWorkspace fit = new PoolingWorkspace();
        PooledLaggedRegression naive = PooledLaggedRegression.of();
        WithinPersonLaggedModel within = WithinPersonLaggedModel.of();
        int studies = condition.design().studies();
        double[] yi = new double[studies];
        double[] vi = new double[studies];
        return (data, record, failures) -> {
            try {
                StudySimulator sim = data.studies();
                int k = data.k(Sample.UNADJUSTED_ALL);
                for (int i = 0; i < k; i++) {
                    PanelStatistics s = sim.studyPanel(i);
                    double se;
                    if (estimator == Estimator.NAIVE) {
                        var f = naive.fit(s);
                        yi[i] = f.exposure();
                        se = f.exposureSe();
                    } else {
                        var f = within.fit(s);
                        yi[i] = f.exposure();
                        se = f.exposureSe();
                    }
                    vi[i] = se * se;
                }
                data.model().fit(yi, vi, k, fit);
                out.write(record, fit.k(), fit.estimate(), fit.se(), fit.ciLower(), fit.ciUpper(), fit.pValue(),
                    fit.tau2(), fit.i2(), fit.piLower(), fit.piUpper());
            } catch (RuntimeException e) {
                failures.add(Failure.of(name(), e));
            }
        };
    }
}
