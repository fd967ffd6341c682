package org.alliancelab.simulate.analysis;

import java.util.List;
import java.util.Map;
import org.alliancelab.meta.comparison.DifferenceTest;
import org.alliancelab.meta.comparison.EstimateComparison;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;

/**
 * The synthesis's comparison (4a): z<sub>adjusted</sub> - z<sub>unadjusted</sub> of the pooled
 * estimates of the reporting studies, treated as two independent estimates (Wald test, equal
 * to Q-between with one df; {@link EstimateComparison#independent}). Target:
 * {@link Estimand#DIFFERENCE} among the reporting studies.
 */
public final class SubgroupDifference implements Analysis {
    static final List<String> QUANTITIES = List.of("difference", "se", "ci_lower", "ci_upper", "p");
    private static final ColumnGroup COLUMNS = new ColumnGroup(Analyses.DIFFERENCE_SUBGROUP, QUANTITIES);

    private SubgroupDifference() {
    }

    /** @return the analysis {@code difference_subgroup} */
    public static SubgroupDifference of() {
        return new SubgroupDifference();
    }

    @Override
    public String name() {
        return Analyses.DIFFERENCE_SUBGROUP;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(COLUMNS);
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(differenceMeasures(name(), condition, Map.of()));
    }

    /** The measures of a difference test against the true difference among reporting studies. */
    static MeasureSpec differenceMeasures(String analysis, ConditionInfo condition, Map<String, String> means) {
        return new MeasureSpec.Estimator(analysis, Analyses.column(analysis, "difference"),
            Analyses.column(analysis, "ci_lower"), Analyses.column(analysis, "ci_upper"),
            Analyses.column(analysis, "p"),
            Map.of(Estimand.DIFFERENCE, condition.truthAmongReporters(Estimand.DIFFERENCE)), means);
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(COLUMNS);
        return (data, record, failures) -> {
            PoolingWorkspace unadjusted;
            PoolingWorkspace adjusted;
            try {
                unadjusted = data.pooled(Sample.UNADJUSTED_REPORTING);
                adjusted = data.pooled(Sample.ADJUSTED_REPORTING);
            } catch (RuntimeException e) {
                failures.add(new Failure(name(), "a pooled estimate failed"));
                return;
            }
            try {
                DifferenceTest d = EstimateComparison.independent(adjusted.estimate(), adjusted.se(),
                    unadjusted.estimate(), unadjusted.se(), data.confidenceLevel());
                out.write(record, d.difference(), d.se(), d.ciLower(), d.ciUpper(), d.pValue());
            } catch (RuntimeException e) {
                failures.add(Failure.of(name(), e));
            }
        };
    }
}
