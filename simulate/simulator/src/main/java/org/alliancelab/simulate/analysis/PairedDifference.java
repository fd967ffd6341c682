package org.alliancelab.simulate.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * The paired comparison (4b): the within-study differences z<sub>adjusted</sub> -
 * z<sub>unadjusted</sub> of the reporting studies pooled by random effects with variance
 * v<sub>A</sub> + v<sub>B</sub> - 2&rho; sqrt(v<sub>A</sub>v<sub>B</sub>), &rho; the sampling
 * correlation of the two z values ({@link EstimateComparison#paired}).
 */
public final class PairedDifference implements Analysis {
    private static final ColumnGroup COLUMNS = new ColumnGroup(Analyses.DIFFERENCE_PAIRED,
        List.of("k", "difference", "se", "ci_lower", "ci_upper", "p", "tau2", "i2"));

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
        return (data, record, failures) -> {
            int k = data.k(Sample.UNADJUSTED_REPORTING);
            try {
                MetaAnalysisResult p = EstimateComparison.paired(
                    Arrays.copyOf(data.yi(Sample.ADJUSTED_REPORTING), k), Arrays.copyOf(data.vi(Sample.ADJUSTED_REPORTING), k),
                    Arrays.copyOf(data.yi(Sample.UNADJUSTED_REPORTING), k),
                    Arrays.copyOf(data.vi(Sample.UNADJUSTED_REPORTING), k),
                    Arrays.copyOf(data.pairedCorrelations(), k), data.model());
                out.write(record, p.k(), p.estimate(), p.se(), p.ciLower(), p.ciUpper(), p.pValue(), p.tau2(), p.i2());
            } catch (RuntimeException e) {
                failures.add(Failure.of(name(), e));
            }
        };
    }
}
