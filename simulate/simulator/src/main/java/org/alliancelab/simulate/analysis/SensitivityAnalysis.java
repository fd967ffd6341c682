package org.alliancelab.simulate.analysis;

import java.util.List;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysis;
import org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysisResult;
import org.alliancelab.meta.sensitivity.EValue;
import org.alliancelab.meta.sensitivity.EValueResult;
import org.alliancelab.meta.sensitivity.RobustnessValue;
import org.alliancelab.meta.sensitivity.RobustnessValueResult;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * The robustness of the adjusted pooled correlation (ZPCOR, the {@code adjusted} analysis) to
 * unmeasured confounding on every replication, as the {@code sensitivity} command computes it
 * with its defaults: the E-values of the estimate and of its CI bound closest to 0, the
 * confounded meta-analysis with q = .1 (in the direction of the estimate), no bias and r = .1
 * (the proportion of true effects above q, T_min, G_min), and the robustness values RV_1 and
 * RV_1,alpha (alpha the scenario's) with the partial R<sup>2</sup>, on the pooled estimate's
 * effective df. Run when the scenario sets {@code analyses.sensitivity: true}; the Monte Carlo
 * mean of each.
 */
public final class SensitivityAnalysis extends BiasMethodAnalysis {
    private static final String NAME = Analyses.SENSITIVITY;
    /** The threshold of a meaningful true correlation of the confounded meta-analysis. */
    static final double Q = 0.1;

    private SensitivityAnalysis() {
        super(NAME, List.of("e_value", "e_value_ci", "prop_above_q", "t_min", "g_min", "partial_r2", "rv_q",
            "rv_q_alpha"));
    }

    /** @return the analysis {@code sensitivity} */
    public static SensitivityAnalysis of() {
        return new SensitivityAnalysis();
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(
            mean(MeasureNames.MEAN_E_VALUE, "e_value"),
            mean(MeasureNames.MEAN_E_VALUE_CI, "e_value_ci"),
            mean(MeasureNames.MEAN_PROP_ABOVE_Q, "prop_above_q"),
            mean(MeasureNames.MEAN_T_MIN, "t_min"),
            mean(MeasureNames.MEAN_G_MIN, "g_min"),
            mean(MeasureNames.MEAN_PARTIAL_R2, "partial_r2"),
            mean(MeasureNames.MEAN_RV_Q, "rv_q"),
            mean(MeasureNames.MEAN_RV_Q_ALPHA, "rv_q_alpha"));
    }

    private static MeasureSpec mean(String measure, String quantity) {
        return new MeasureSpec.Mean(NAME, measure, Analyses.column(NAME, quantity));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group());
        RobustnessValue rv = RobustnessValue.of().withAlpha(condition.analyses().alpha());
        ConfoundedMetaAnalysis above = ConfoundedMetaAnalysis.ofCorrelationThreshold(Q);
        ConfoundedMetaAnalysis below = ConfoundedMetaAnalysis.ofCorrelationThreshold(-Q);
        CorrelationMeasure measure = CorrelationMeasure.ZPCOR;
        return (data, record, failures) -> {
            try {
                MetaAnalysisResult pooled = data.pooled(Sample.ADJUSTED_REPORTING).toResult();
                EValueResult e = EValue.ofPooled(pooled, measure);
                ConfoundedMetaAnalysisResult c = (pooled.estimate() < 0 ? below : above).fitPooled(pooled, measure);
                RobustnessValueResult r = rv.ofPooled(pooled, measure);
                out.write(record, e.eValue(), e.eValueCi(), c.proportion(), c.tMin(), c.gMin(), r.partialR2(),
                    r.rvQ(), r.rvQAlpha());
            } catch (RuntimeException e) {
                failures.add(Failure.of(NAME, e));
            }
        };
    }
}
