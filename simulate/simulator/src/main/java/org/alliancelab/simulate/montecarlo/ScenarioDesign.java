package org.alliancelab.simulate.montecarlo;

import static org.alliancelab.simulate.montecarlo.AnalysisNames.column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.DifferenceTest;
import org.alliancelab.simulate.scenario.Moderator;
import org.alliancelab.simulate.scenario.ModeratorCell;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * The Monte Carlo design of a {@link Scenario}: per replication the meta-analyses of
 * {@link ReplicationAnalysis}, per condition these measures ({@link MeasureAccumulator}):
 * <ul>
 * <li>each pooled correlation (unadjusted on all studies, unadjusted and adjusted on the
 *     studies reporting adjustment, each moderator level): mean r, empirical SE, bias, RMSE
 *     and CI coverage of each correlation estimand ({@code unadjusted, adjusted,
 *     adjusted_latent, causal}), rejection rate of r = 0, mean tau<sup>2</sup>, I<sup>2</sup>
 *     and k. Analyses 2 and 3 are compared with the truths among the reporting studies, a
 *     moderator level with the mixture truth of its cells;</li>
 * <li>each difference test (z scale): mean difference, empirical SE, bias, RMSE and coverage
 *     of the true difference atanh(adjusted) - atanh(unadjusted) among reporting studies, and
 *     its rejection rate;</li>
 * <li>each moderator: rejection rate of Q-between and its mean;</li>
 * <li>study level: mean number of published and of adjusted-reporting studies, share of
 *     negative study correlations, mean n, coefficient draws rejected and studies suppressed
 *     per replication.</li>
 * </ul>
 */
public final class ScenarioDesign implements MonteCarloDesign {
    /** Correlation estimands compared with pooled correlations, in report order. */
    static final List<String> ESTIMANDS = List.of("unadjusted", "adjusted", "adjusted_latent", "causal");

    private final Scenario scenario;
    private final Engine engine;
    private final RecordLayout layout;
    private final List<ConditionInfo> infos;
    private final boolean adjustedReported;

    private ScenarioDesign(Scenario scenario, Engine engine) {
        this.scenario = scenario;
        this.engine = engine;
        Condition first = scenario.conditions().get(0);
        this.adjustedReported = first.design().adjustedReporting().isPresent();
        this.layout = RecordLayout.of(columns(first));
        List<ConditionInfo> list = new ArrayList<>();
        for (Condition c : scenario.conditions()) {
            list.add(new ConditionInfo(c.index(), c.factors(), truthMap(c.truth()), truthMap(c.truthAmongReporters()),
                c.analyses().alpha(), levelTruths(c)));
        }
        this.infos = List.copyOf(list);
    }

    /**
     * @param scenario the scenario (with any seed or replications override applied)
     * @param engine the engine
     * @return the design
     * @throws ScenarioException when the engine cannot represent a condition
     */
    public static ScenarioDesign of(Scenario scenario, Engine engine) {
        for (Condition c : scenario.conditions()) {
            StudySimulator.of(c, engine);
        }
        return new ScenarioDesign(scenario, engine);
    }

    /**
     * The default engine: {@link Engine#SUFFICIENT} (cost independent of sample size) when it
     * can represent every condition, else {@link Engine#PATIENT} (dropout needs patients).
     *
     * @param scenario the scenario
     * @return the engine to use when none is requested
     */
    public static Engine defaultEngine(Scenario scenario) {
        try {
            for (Condition c : scenario.conditions()) {
                StudySimulator.of(c, Engine.SUFFICIENT);
            }
            return Engine.SUFFICIENT;
        } catch (ScenarioException e) {
            return Engine.PATIENT;
        }
    }

    /**
     * Rebuilds the design of a stored run (for {@code collect}).
     *
     * @param run what a shard directory stores
     * @return the design
     * @throws ScenarioException when the stored scenario is invalid
     */
    public static ScenarioDesign fromStored(StoredRun run) {
        Scenario s = Scenario.parse(run.scenarioJson(), run.dir().resolve("scenario.json").toString(), run.scenario());
        return of(s.withSeed(run.seed()).withReplications(run.replications()),
            Engine.valueOf(run.engine().toUpperCase(Locale.ROOT)));
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    private List<String> columns(Condition first) {
        List<String> cols = new ArrayList<>();
        for (String q : AnalysisNames.STUDY_COUNTS) {
            cols.add(column(AnalysisNames.STUDIES, q));
        }
        for (String q : AnalysisNames.POOLED) {
            cols.add(column(AnalysisNames.UNADJUSTED_ALL, q));
        }
        if (adjustedReported) {
            for (String q : AnalysisNames.POOLED) {
                cols.add(column(AnalysisNames.UNADJUSTED_REPORTING, q));
            }
            for (String q : AnalysisNames.POOLED) {
                cols.add(column(AnalysisNames.ADJUSTED, q));
            }
            List<DifferenceTest> tests = first.analyses().differenceTests();
            if (tests.contains(DifferenceTest.SUBGROUP)) {
                for (String q : AnalysisNames.DIFFERENCE) {
                    cols.add(column(AnalysisNames.DIFFERENCE_SUBGROUP, q));
                }
            }
            if (tests.contains(DifferenceTest.PAIRED)) {
                for (String q : AnalysisNames.PAIRED) {
                    cols.add(column(AnalysisNames.DIFFERENCE_PAIRED, q));
                }
            }
        }
        for (Moderator m : first.design().moderators()) {
            for (String q : AnalysisNames.BETWEEN) {
                cols.add(column(m.name(), q));
            }
            for (var level : m.levels()) {
                for (String q : AnalysisNames.POOLED) {
                    cols.add(column(AnalysisNames.level(m.name(), level.name()), q));
                }
            }
        }
        return cols;
    }

    private static Map<String, Double> truthMap(TruthValues t) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("unadjusted", t.unadjusted());
        m.put("adjusted", t.adjusted());
        m.put("adjusted_latent", t.adjustedLatent());
        m.put("causal", t.causal());
        m.put("total_effect", t.totalEffect());
        m.put("direct_effect", t.directEffect());
        return m;
    }

    private static Map<String, Double> correlationTruths(Map<String, Double> truth) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String e : ESTIMANDS) {
            m.put(e, truth.get(e));
        }
        return m;
    }

    /**
     * Truth of every moderator level: the cells with that level averaged with the cell
     * probabilities as weights, correlations on the Fisher-z scale, effects linearly (the rule
     * of {@link Condition#truth()}).
     */
    private static Map<String, Map<String, Map<String, Double>>> levelTruths(Condition c) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        List<Moderator> mods = c.design().moderators();
        for (int m = 0; m < mods.size(); m++) {
            Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
            for (int l = 0; l < mods.get(m).levels().size(); l++) {
                double w = 0;
                double[] sum = new double[6];
                for (ModeratorCell cell : c.cells()) {
                    if (cell.levelIndices().get(m) != l || !(cell.probability() > 0)) {
                        continue;
                    }
                    double p = cell.probability();
                    TruthValues t = cell.truth();
                    w += p;
                    sum[0] += p * Correlations.toFisherZ(t.unadjusted());
                    sum[1] += p * Correlations.toFisherZ(t.adjusted());
                    sum[2] += p * Correlations.toFisherZ(t.adjustedLatent());
                    sum[3] += p * Correlations.toFisherZ(t.causal());
                    sum[4] += p * t.totalEffect();
                    sum[5] += p * t.directEffect();
                }
                if (w > 0) {
                    levels.put(mods.get(m).levels().get(l).name(), truthMap(new TruthValues(
                        Math.tanh(sum[0] / w), Math.tanh(sum[1] / w), Math.tanh(sum[2] / w), Math.tanh(sum[3] / w),
                        sum[4] / w, sum[5] / w)));
                }
            }
            out.put(mods.get(m).name(), levels);
        }
        return out;
    }

    @Override
    public String name() {
        return scenario.name();
    }

    @Override
    public long seed() {
        return scenario.seed();
    }

    @Override
    public int replications() {
        return scenario.replications();
    }

    @Override
    public String engine() {
        return engine.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String scenarioJson() {
        return scenario.toJson();
    }

    @Override
    public List<ConditionInfo> conditions() {
        return infos;
    }

    @Override
    public RecordLayout layout() {
        return layout;
    }

    private static MeasureSpec pooled(String analysis, Map<String, Double> estimands) {
        Map<String, String> means = new LinkedHashMap<>();
        means.put("mean_tau2", column(analysis, "tau2"));
        means.put("mean_i2", column(analysis, "i2"));
        means.put("mean_k", column(analysis, "k"));
        return new MeasureSpec.Estimator(analysis, column(analysis, "r"), column(analysis, "ci_lower"),
            column(analysis, "ci_upper"), column(analysis, "p"), estimands, means);
    }

    @Override
    public List<MeasureSpec> measures(int condition) {
        ConditionInfo info = infos.get(condition);
        Condition c = scenario.conditions().get(condition);
        List<MeasureSpec> specs = new ArrayList<>();
        specs.add(pooled(AnalysisNames.UNADJUSTED_ALL, correlationTruths(info.truth())));
        if (adjustedReported) {
            Map<String, Double> reporters = correlationTruths(info.truthAmongReporters());
            specs.add(pooled(AnalysisNames.UNADJUSTED_REPORTING, reporters));
            specs.add(pooled(AnalysisNames.ADJUSTED, reporters));
            double diff = Correlations.toFisherZ(reporters.get("adjusted"))
                - Correlations.toFisherZ(reporters.get("unadjusted"));
            Map<String, Double> d = Map.of("difference", diff);
            List<DifferenceTest> tests = c.analyses().differenceTests();
            if (tests.contains(DifferenceTest.SUBGROUP)) {
                String a = AnalysisNames.DIFFERENCE_SUBGROUP;
                specs.add(new MeasureSpec.Estimator(a, column(a, "difference"), column(a, "ci_lower"),
                    column(a, "ci_upper"), column(a, "p"), d, Map.of()));
            }
            if (tests.contains(DifferenceTest.PAIRED)) {
                String a = AnalysisNames.DIFFERENCE_PAIRED;
                specs.add(new MeasureSpec.Estimator(a, column(a, "difference"), column(a, "ci_lower"),
                    column(a, "ci_upper"), column(a, "p"), d, Map.of("mean_tau2", column(a, "tau2"))));
            }
        }
        for (Moderator m : c.design().moderators()) {
            specs.add(new MeasureSpec.Rejection(m.name(), "rejection_rate", column(m.name(), "p")));
            specs.add(new MeasureSpec.Mean(m.name(), "mean_q_between", column(m.name(), "q_between")));
            for (var level : m.levels()) {
                Map<String, Double> t = info.truthByModerator().get(m.name()).get(level.name());
                specs.add(pooled(AnalysisNames.level(m.name(), level.name()),
                    t == null ? Map.of() : correlationTruths(t)));
            }
        }
        String s = AnalysisNames.STUDIES;
        specs.add(new MeasureSpec.Mean(s, "mean_k", column(s, "k")));
        specs.add(new MeasureSpec.Mean(s, "mean_k_adjusted", column(s, "k_adjusted")));
        specs.add(new MeasureSpec.Mean(s, "share_negative", column(s, "share_negative")));
        specs.add(new MeasureSpec.Mean(s, "mean_n", column(s, "mean_n")));
        specs.add(new MeasureSpec.Mean(s, "mean_invalid_draws", column(s, "invalid_draws")));
        specs.add(new MeasureSpec.Mean(s, "mean_suppressed", column(s, "suppressed")));
        return specs;
    }

    @Override
    public ReplicationWorker newWorker(int condition) {
        return ReplicationAnalysis.of(scenario.conditions().get(condition), engine, layout);
    }
}
