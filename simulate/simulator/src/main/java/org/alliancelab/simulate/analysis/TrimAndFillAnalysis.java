package org.alliancelab.simulate.analysis;

import java.util.List;
import java.util.Map;
import org.alliancelab.meta.bias.TrimAndFill;
import org.alliancelab.meta.bias.TrimAndFillResult;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * Trim-and-fill on every replication, as metafor's {@code trimfill(rma(yi, vi))} (L0, the
 * side chosen by the sign of Egger's slope) with the scenario's estimator: the pooled estimate
 * with the filled studies, back-transformed with tanh, against the correlations of all studies
 * before selection, and the mean number of filled studies. {@code k} is the number of studies
 * after filling.
 */
public final class TrimAndFillAnalysis extends BiasMethodAnalysis {
    private static final String NAME = Analyses.TRIM_AND_FILL;

    private TrimAndFillAnalysis() {
        super(NAME, List.of("k", "k0", "r", "se", "ci_lower", "ci_upper", "p", "tau2"));
    }

    /** @return the analysis {@code trimfill} */
    public static TrimAndFillAnalysis of() {
        return new TrimAndFillAnalysis();
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(BiasColumns.estimator(NAME, condition, "p",
            Map.of(MeasureNames.MEAN_TAU2, "tau2", MeasureNames.MEAN_K0, "k0")));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group());
        TrimAndFill method = TrimAndFill.of(ReplicationData.poolingModel(condition.analyses())).matchingMetafor();
        return (data, record, failures) -> {
            try {
                TrimAndFillResult t = method.fit(BiasColumns.yi(data), BiasColumns.vi(data));
                MetaAnalysisResult f = t.filled();
                out.write(record, f.k(), t.k0(), Math.tanh(f.estimate()), f.se(), Math.tanh(f.ciLower()),
                    Math.tanh(f.ciUpper()), f.pValue(), f.tau2());
            } catch (RuntimeException e) {
                failures.add(Failure.of(NAME, e));
            }
        };
    }
}
