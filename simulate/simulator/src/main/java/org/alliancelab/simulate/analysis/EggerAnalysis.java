package org.alliancelab.simulate.analysis;

import java.util.List;
import java.util.Map;
import org.alliancelab.meta.bias.EggerResult;
import org.alliancelab.meta.bias.EggerTest;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * Egger's regression test on every replication, as {@code regtest(rma(yi, vi), model = "rma",
 * predictor = "sei")} with the scenario's estimator and test: the rate at which it detects
 * funnel asymmetry ({@link MeasureNames#SELECTION_DETECTED}, its size in a world without
 * selection) and its limit estimate (the intercept, the effect at SE = 0), back-transformed
 * with tanh, against the correlations of all studies before selection.
 */
public final class EggerAnalysis extends BiasMethodAnalysis {
    private static final String NAME = Analyses.EGGER;

    private EggerAnalysis() {
        super(NAME, List.of("k", "statistic", "p", "r", "ci_lower", "ci_upper", "slope"));
    }

    /** @return the analysis {@code egger} */
    public static EggerAnalysis of() {
        return new EggerAnalysis();
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(BiasColumns.estimator(NAME, condition, null, Map.of()),
            new MeasureSpec.Rejection(NAME, MeasureNames.SELECTION_DETECTED, Analyses.column(NAME, "p")));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group());
        EggerTest test = EggerTest.of(BiasColumns.metaRegression(condition.analyses()));
        return (data, record, failures) -> {
            try {
                EggerResult e = test.test(BiasColumns.yi(data), BiasColumns.vi(data));
                out.write(record, data.k(Sample.UNADJUSTED_ALL), e.statistic(), e.pValue(),
                    Math.tanh(e.limitEstimate()), Math.tanh(e.limitCiLower()), Math.tanh(e.limitCiUpper()), e.slope());
            } catch (RuntimeException e) {
                failures.add(Failure.of(NAME, e));
            }
        };
    }
}
