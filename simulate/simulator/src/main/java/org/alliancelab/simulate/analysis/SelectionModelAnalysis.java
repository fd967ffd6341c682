package org.alliancelab.simulate.analysis;

import java.util.List;
import java.util.Map;
import org.alliancelab.meta.bias.SelectionModel;
import org.alliancelab.meta.bias.SelectionModelResult;
import org.alliancelab.meta.bias.SelectionWeight;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * The three-parameter selection model on every replication, as metafor's
 * {@code selmodel(rma(yi, vi, method = "ML"), type = "stepfun", steps = c(0.025, 1))}: the
 * adjusted estimate, back-transformed with tanh, against the correlations of all studies
 * before selection; the rate at which its likelihood-ratio test detects selection
 * ({@link MeasureNames#SELECTION_DETECTED}, its size in a world without selection); the mean
 * weight of the non-significant interval and how often it sits at its bound. A replication in
 * which an interval holds no study (every study significant, or none) or the fit does not
 * converge is a failure of this analysis, counted, not an estimate.
 */
public final class SelectionModelAnalysis extends BiasMethodAnalysis {
    private static final String NAME = Analyses.SELECTION_3PSM;

    private SelectionModelAnalysis() {
        super(NAME, List.of("k", "r", "se", "ci_lower", "ci_upper", "p", "tau2", "weight", "weight_at_bound", "lrt", "lrt_p"));
    }

    /** @return the analysis {@code selmodel_3psm} */
    public static SelectionModelAnalysis of() {
        return new SelectionModelAnalysis();
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(BiasColumns.estimator(NAME, condition, "p", Map.of(MeasureNames.MEAN_TAU2, "tau2",
                MeasureNames.MEAN_WEIGHT, "weight", MeasureNames.SHARE_WEIGHT_AT_BOUND, "weight_at_bound")),
            new MeasureSpec.Rejection(NAME, MeasureNames.SELECTION_DETECTED, Analyses.column(NAME, "lrt_p")));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group());
        SelectionModel model = SelectionModel.threeParameter().withEstimator(condition.analyses().estimator())
            .withConfidenceLevel(1 - condition.analyses().alpha());
        return (data, record, failures) -> {
            try {
                SelectionModelResult s = model.fit(BiasColumns.yi(data), BiasColumns.vi(data));
                SelectionWeight w = s.weights().get(1);
                out.write(record, s.k(), Math.tanh(s.estimate()), s.se(), Math.tanh(s.ciLower()), Math.tanh(s.ciUpper()),
                    s.pValue(), s.tau2(), w.weight(), w.atBound() ? 1 : 0, s.lrt(), s.lrtPValue());
            } catch (RuntimeException e) {
                failures.add(Failure.of(NAME, e));
            }
        };
    }
}
