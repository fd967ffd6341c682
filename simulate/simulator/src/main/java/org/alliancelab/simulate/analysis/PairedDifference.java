package org.alliancelab.simulate.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.comparison.PairedComparison;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.regression.RobustCoefficient;
import org.alliancelab.meta.regression.SandwichEstimator;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.PairedInference;

/**
 * The paired comparison (4b): the within-study differences z<sub>adjusted</sub> -
 * z<sub>unadjusted</sub> of the reporting studies pooled by random effects with working
 * variance v<sub>A</sub> + v<sub>B</sub> - 2&rho; sqrt(v<sub>A</sub>v<sub>B</sub>), &rho; the
 * scenario's working correlation ({@link org.alliancelab.simulate.scenario.PairedCorrelationRule}).
 * Inference by the scenario's {@link PairedInference}: CR2 (the default; cluster-robust, each
 * study a cluster, Satterthwaite t: {@link EstimateComparison#pairedRobust}), valid whatever the
 * working correlation, or the pooling model's own test ({@link EstimateComparison#paired}),
 * valid only when &rho; is right. Column {@code df}: Satterthwaite's for CR2, NaN for a model
 * z test, k - 1 for Knapp-Hartung.
 */
public final class PairedDifference implements Analysis {
    private static final ColumnGroup COLUMNS = new ColumnGroup(Analyses.DIFFERENCE_PAIRED,
        List.of("k", "difference", "se", "ci_lower", "ci_upper", "p", "tau2", "i2", "df"));

    private PairedDifference() {
    }

    /** @return the analysis {@code difference_paired} */
    public static PairedDifference of() {
        return new PairedDifference();
    }

    @Override
    public String name() {
        return Analyses.DIFFERENCE_PAIRED;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(COLUMNS);
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(SubgroupDifference.differenceMeasures(name(), condition,
            Map.of(MeasureNames.MEAN_TAU2, Analyses.column(name(), "tau2"))));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(COLUMNS);
        boolean robust = condition.analyses().pairedInference() == PairedInference.CR2;
        return (data, record, failures) -> {
            int k = data.k(Sample.UNADJUSTED_REPORTING);
            try {
                double[] yiA = Arrays.copyOf(data.yi(Sample.ADJUSTED_REPORTING), k);
                double[] viA = Arrays.copyOf(data.vi(Sample.ADJUSTED_REPORTING), k);
                double[] yiB = Arrays.copyOf(data.yi(Sample.UNADJUSTED_REPORTING), k);
                double[] viB = Arrays.copyOf(data.vi(Sample.UNADJUSTED_REPORTING), k);
                double[] rho = Arrays.copyOf(data.pairedCorrelations(), k);
                if (robust) {
                    PairedComparison c = EstimateComparison.pairedRobust(yiA, viA, yiB, viB, rho, data.model(),
                        SandwichEstimator.CR2);
                    MetaAnalysisResult p = c.pooled();
                    RobustCoefficient r = c.robust();
                    out.write(record, p.k(), r.estimate(), r.se(), r.ciLower(), r.ciUpper(), r.pValue(), p.tau2(), p.i2(),
                        r.df());
                } else {
                    MetaAnalysisResult p = EstimateComparison.paired(yiA, viA, yiB, viB, rho, data.model());
                    double df = data.model().test() == InferenceTest.KNHA ? p.k() - 1 : Double.NaN;
                    out.write(record, p.k(), p.estimate(), p.se(), p.ciLower(), p.ciUpper(), p.pValue(), p.tau2(),
                        p.i2(), df);
                }
            } catch (RuntimeException e) {
                failures.add(Failure.of(name(), e));
            }
        };
    }
}
