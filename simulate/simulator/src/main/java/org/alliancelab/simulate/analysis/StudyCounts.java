package org.alliancelab.simulate.analysis;

import java.util.List;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * The study-level description of a replication ({@code studies}): published studies, those
 * reporting an adjusted estimate, the share of negative study correlations, the mean n, the
 * coefficient draws rejected by the redraw rule and the studies suppressed by publication
 * selection.
 */
public final class StudyCounts implements Analysis {
    private static final ColumnGroup COLUMNS = new ColumnGroup(Analyses.STUDIES,
        List.of("k", "k_adjusted", "share_negative", "mean_n", "invalid_draws", "suppressed"));

    private StudyCounts() {
    }

    /** @return the analysis {@code studies} */
    public static StudyCounts of() {
        return new StudyCounts();
    }

    @Override
    public String name() {
        return Analyses.STUDIES;
    }

    @Override
    public Role role() {
        return Role.STUDY_DESCRIPTION;
    }

    @Override
    public List<ColumnGroup> columns() {
        return List.of(COLUMNS);
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        String s = name();
        return List.of(
            new MeasureSpec.Mean(s, MeasureNames.MEAN_K, Analyses.column(s, "k")),
            new MeasureSpec.Mean(s, MeasureNames.MEAN_K_ADJUSTED, Analyses.column(s, "k_adjusted")),
            new MeasureSpec.Mean(s, MeasureNames.SHARE_NEGATIVE, Analyses.column(s, "share_negative")),
            new MeasureSpec.Mean(s, MeasureNames.MEAN_N, Analyses.column(s, "mean_n")),
            new MeasureSpec.Mean(s, MeasureNames.MEAN_INVALID_DRAWS, Analyses.column(s, "invalid_draws")),
            new MeasureSpec.Mean(s, MeasureNames.MEAN_SUPPRESSED, Analyses.column(s, "suppressed")));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(COLUMNS);
        return (data, record, failures) -> {
            StudySimulator sim = data.studies();
            int k = data.k(Sample.UNADJUSTED_ALL);
            int negative = 0;
            double sumN = 0;
            for (int i = 0; i < k; i++) {
                sumN += sim.studyN(i);
                if (sim.studyR(i) < 0) {
                    negative++;
                }
            }
            out.write(record, k, data.k(Sample.UNADJUSTED_REPORTING), k == 0 ? Double.NaN : (double) negative / k,
                k == 0 ? Double.NaN : sumN / k, sim.invalidDraws(), sim.suppressedStudies());
        };
    }
}
