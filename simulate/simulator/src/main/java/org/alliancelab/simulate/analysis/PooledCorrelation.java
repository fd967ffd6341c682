package org.alliancelab.simulate.analysis;

import java.util.List;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;

/**
 * A random-effects pooled correlation of one {@link Sample}: the synthesis's analyses (1)
 * unadjusted on all studies, (2) unadjusted and (3) adjusted on the studies that report an
 * adjusted estimate. Pooled on the Fisher-z scale with the scenario's estimator and test; r,
 * CI and PI back-transformed with tanh. Analyses 2 and 3 are compared with the truths among the
 * reporting studies.
 */
public final class PooledCorrelation implements Analysis {
    private final String name;
    private final Sample sample;

    private PooledCorrelation(String name, Sample sample) {
        this.name = name;
        this.sample = sample;
    }

    /**
     * @param sample which effect sizes to pool
     * @return the analysis, named {@code unadjusted_all}, {@code unadjusted_reporting} or
     *     {@code adjusted}
     */
    public static PooledCorrelation of(Sample sample) {
        switch (sample) {
            case UNADJUSTED_ALL:
                return new PooledCorrelation(Analyses.UNADJUSTED_ALL, sample);
            case UNADJUSTED_REPORTING:
                return new PooledCorrelation(Analyses.UNADJUSTED_REPORTING, sample);
            default:
                return new PooledCorrelation(Analyses.ADJUSTED, sample);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(PooledColumns.group(name));
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(PooledColumns.measures(name, PooledColumns.correlationTargets(
            sample == Sample.UNADJUSTED_ALL ? condition.truth() : condition.truthAmongReporters())));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(PooledColumns.group(name));
        return (data, record, failures) -> {
            try {
                PooledColumns.write(out, record, data.pooled(sample));
            } catch (RuntimeException e) {
                failures.add(Failure.of(name, e));
            }
        };
    }
}
