package org.alliancelab.simulate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.iv.InstrumentalVariable;
import org.alliancelab.meta.iv.InstrumentalVariableResult;
import org.alliancelab.meta.iv.PooledWaldRatio;
import org.alliancelab.meta.iv.PooledWaldRatioResult;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.InstrumentalTruth;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.ModeratorCell;

/**
 * The encouragement trials' analysis: per study, from its sampled covariances of the randomized
 * instrument Z, the observed exposure X and outcome Y, the Wald / 2SLS estimate of the exposure's
 * effect with its SE, the intention-to-treat slope (Y on Z) and the first stage (X on Z, with its
 * F) ({@link InstrumentalVariable}); then the IV estimates pooled by random effects with the
 * scenario's estimator and test (on the estimate's own scale, variances SE<sup>2</sup>), and
 * the ITT slopes pooled the same way (a test of the encouragement's effect on outcome), and the
 * first-stage slopes; {@code ratio} is the pooled ITT over the pooled first stage (the Wald ratio
 * of the pooled trials, whose first stage is k times stronger than a study's).
 * {@value #RATIO_NAME} is the pooled Wald ratio with its confidence set from
 * {@link PooledWaldRatio} (the inversion of the pooled test of ITT - b x first stage = 0, whose
 * test of no effect is the ITT test): a set that is not one finite interval is written as
 * {@code ci_lower > ci_upper} for two rays {@code (-inf, ci_upper] and [ci_lower, inf)}, as
 * {@code -Infinity, Infinity} for the whole line, and as NaN (not counted in the coverage) for any
 * other shape; {@code bounded} is 1 for one finite interval.
 * Weak-instrument diagnostics: the mean and median first-stage F of the studies and the share
 * with F &lt; 10 (Staiger &amp; Stock 1997).
 *
 * <p>The slopes are per SD of the standardized instrument (the model's scale); for a binary
 * instrument with share p, divide by sqrt(p (1 - p)) for the difference between arms.
 *
 * <p>Measured against {@link Estimand#IV_CAUSAL_EFFECT} (bias, coverage: whether the design
 * recovers the causal effect) and {@link Estimand#IV_ESTIMAND} (what it estimates, which differs
 * when the exclusion restriction is violated); the rejection rate of the pooled IV estimate is
 * power in a causal world and size in a null one.
 */
public final class InstrumentalVariableAnalysis implements Analysis {
    /** The share of studies with F below this is the weak-instrument diagnostic. */
    public static final double WEAK_F = 10;

    private static final String NAME = Analyses.INSTRUMENTAL_VARIABLE;
    private static final String RATIO_NAME = Analyses.POOLED_WALD_RATIO;
    private static final ColumnGroup COLUMNS = new ColumnGroup(NAME, List.of("k", "estimate", "se", "ci_lower",
        "ci_upper", "p", "tau2", "i2", "itt", "itt_p", "first_stage", "ratio", "mean_f", "median_f", "share_weak"));
    private static final ColumnGroup RATIO_COLUMNS = new ColumnGroup(RATIO_NAME, List.of("estimate", "ci_lower",
        "ci_upper", "p", "bounded"));

    private final List<InstrumentalTruth> truths;

    private InstrumentalVariableAnalysis(List<InstrumentalTruth> truths) {
        this.truths = List.copyOf(truths);
    }

    /**
     * @param conditions the scenario's conditions, each with a randomized node
     * @return the analysis, its truths computed per condition (moderator cells averaged with
     *     their probabilities, at the mean paths)
     * @throws IllegalArgumentException when a condition has no randomized node
     */
    public static InstrumentalVariableAnalysis of(List<Condition> conditions) {
        List<InstrumentalTruth> truths = new ArrayList<>();
        for (Condition c : conditions) {
            truths.add(truth(c));
        }
        return new InstrumentalVariableAnalysis(truths);
    }

    /**
     * @param condition a condition with a randomized node
     * @return its population IV values, averaged over the moderator cells with their probabilities
     */
    public static InstrumentalTruth truth(Condition condition) {
        List<ModeratorCell> cells = condition.cells();
        List<InstrumentalTruth> values = new ArrayList<>();
        for (ModeratorCell cell : cells) {
            values.add(InstrumentalTruth.of(cell.model()));
        }
        return InstrumentalTruth.mixture(values, i -> cells.get(i).probability());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(COLUMNS, RATIO_COLUMNS);
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        InstrumentalTruth t = truths.get(condition.index());
        Map<Estimand, Double> targets = new LinkedHashMap<>();
        targets.put(Estimand.IV_CAUSAL_EFFECT, t.causalEffect());
        targets.put(Estimand.IV_ESTIMAND, t.estimand());
        Map<String, String> means = new LinkedHashMap<>();
        means.put(MeasureNames.MEAN_TAU2, Analyses.column(NAME, "tau2"));
        means.put(MeasureNames.MEAN_I2, Analyses.column(NAME, "i2"));
        means.put(MeasureNames.MEAN_K, Analyses.column(NAME, "k"));
        means.put(MeasureNames.MEAN_ITT, Analyses.column(NAME, "itt"));
        means.put(MeasureNames.MEAN_FIRST_STAGE, Analyses.column(NAME, "first_stage"));
        means.put(MeasureNames.MEAN_RATIO_OF_POOLED, Analyses.column(NAME, "ratio"));
        means.put(MeasureNames.MEAN_FIRST_STAGE_F, Analyses.column(NAME, "mean_f"));
        means.put(MeasureNames.MEAN_MEDIAN_FIRST_STAGE_F, Analyses.column(NAME, "median_f"));
        means.put(MeasureNames.MEAN_SHARE_WEAK, Analyses.column(NAME, "share_weak"));
        return List.of(
            new MeasureSpec.Estimator(NAME, Analyses.column(NAME, "estimate"), Analyses.column(NAME, "ci_lower"),
                Analyses.column(NAME, "ci_upper"), Analyses.column(NAME, "p"), targets, means),
            new MeasureSpec.Rejection(NAME, MeasureNames.ITT_REJECTION_RATE, Analyses.column(NAME, "itt_p")),
            new MeasureSpec.Estimator(RATIO_NAME, Analyses.column(RATIO_NAME, "estimate"),
                Analyses.column(RATIO_NAME, "ci_lower"), Analyses.column(RATIO_NAME, "ci_upper"),
                Analyses.column(RATIO_NAME, "p"), targets,
                Map.of(MeasureNames.SHARE_BOUNDED, Analyses.column(RATIO_NAME, "bounded"))));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(COLUMNS);
        ColumnWriter ratioOut = layout.writer(RATIO_COLUMNS);
        return new Computation() {
            private final double[] s = new double[6];
            private double[] yi = new double[64];
            private double[] vi = new double[64];
            private double[] ittY = new double[64];
            private double[] ittV = new double[64];
            private double[] firstY = new double[64];
            private double[] firstV = new double[64];
            private double[] cov = new double[64];
            private double[] f = new double[64];
            private final PoolingWorkspace itt = new PoolingWorkspace();
            private final PoolingWorkspace first = new PoolingWorkspace();

            @Override
            public void compute(ReplicationData data, double[] record, List<Failure> failures) {
                StudySimulator sim = data.studies();
                int k = data.k(Sample.UNADJUSTED_ALL);
                if (yi.length < k) {
                    int size = Math.max(k, 2 * yi.length);
                    yi = new double[size];
                    vi = new double[size];
                    ittY = new double[size];
                    ittV = new double[size];
                    firstY = new double[size];
                    firstV = new double[size];
                    cov = new double[size];
                    f = new double[size];
                }
                try {
                    int weak = 0;
                    double sumF = 0;
                    for (int i = 0; i < k; i++) {
                        sim.studyInstrumentCovariances(i, s);
                        InstrumentalVariableResult r = InstrumentalVariable.of(sim.studyN(i), s[0], s[1], s[2], s[3],
                            s[4], s[5]);
                        yi[i] = r.estimate();
                        vi[i] = r.variance();
                        ittY[i] = r.intentionToTreat();
                        ittV[i] = r.intentionToTreatSe() * r.intentionToTreatSe();
                        firstY[i] = r.firstStage();
                        firstV[i] = r.firstStageSe() * r.firstStageSe();
                        cov[i] = r.slopeCovariance();
                        f[i] = r.firstStageF();
                        sumF += f[i];
                        weak += f[i] < WEAK_F ? 1 : 0;
                    }
                    PoolingWorkspace iv = data.scratchWorkspace();
                    data.model().fit(ittY, ittV, k, itt);
                    data.model().fit(firstY, firstV, k, first);
                    data.model().fit(yi, vi, k, iv);
                    Arrays.sort(f, 0, k);
                    double median = k % 2 == 1 ? f[k / 2] : (f[k / 2 - 1] + f[k / 2]) / 2;
                    out.write(record, iv.k(), iv.estimate(), iv.se(), iv.ciLower(), iv.ciUpper(), iv.pValue(),
                        iv.tau2(), iv.i2(), itt.estimate(), itt.pValue(), first.estimate(), itt.estimate() / first.estimate(), sumF / k, median,
                        (double) weak / k);
                } catch (RuntimeException e) {
                    failures.add(Failure.of(NAME, e));
                    return;
                }
                try {
                    writeRatio(PooledWaldRatio.of(data.model(), ittY, ittV, firstY, firstV, cov, k), record);
                } catch (RuntimeException e) {
                    failures.add(Failure.of(RATIO_NAME, e));
                }
            }

            private void writeRatio(PooledWaldRatioResult r, double[] record) {
                List<PooledWaldRatioResult.Interval> set = r.intervals();
                PooledWaldRatioResult.Shape shape = r.shape();
                double lower;
                double upper;
                switch (shape) {
                    case INTERVAL:
                    case WHOLE_LINE:
                        lower = set.get(0).lower();
                        upper = set.get(0).upper();
                        break;
                    case TWO_RAYS:
                        lower = set.get(1).lower();
                        upper = set.get(0).upper();
                        break;
                    default:
                        lower = Double.NaN;
                        upper = Double.NaN;
                }
                ratioOut.write(record, r.estimate(), lower, upper, r.pValue(),
                    shape == PooledWaldRatioResult.Shape.INTERVAL ? 1 : 0);
            }
        };
    }
}
