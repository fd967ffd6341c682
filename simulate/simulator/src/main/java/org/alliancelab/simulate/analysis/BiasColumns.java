package org.alliancelab.simulate.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.alliancelab.meta.regression.MetaRegression;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.AnalysisSettings;

/**
 * What the publication-bias analyses share: their input (the Fisher z values of all published
 * studies, exactly k long, as the core methods take them), their meta-regression settings, and
 * their estimator measures against the population values of all studies before selection.
 */
final class BiasColumns {
    private BiasColumns() {
    }

    /** @return the z values of all published studies, a copy of length k */
    static double[] yi(ReplicationData data) {
        return Arrays.copyOf(data.yi(Sample.UNADJUSTED_ALL), data.k(Sample.UNADJUSTED_ALL));
    }

    /** @return their sampling variances, a copy of length k */
    static double[] vi(ReplicationData data) {
        return Arrays.copyOf(data.vi(Sample.UNADJUSTED_ALL), data.k(Sample.UNADJUSTED_ALL));
    }

    /** @return the meta-regression of Egger's test and PET-PEESE: the scenario's estimator, test and level */
    static MetaRegression metaRegression(AnalysisSettings settings) {
        return MetaRegression.of(ReplicationData.poolingModel(settings));
    }

    /**
     * @param analysis the analysis
     * @param condition the condition
     * @param pValue column of the test of a zero effect, or null
     * @param extraMeans further means, measure name to quantity, in any map order: they are
     *     listed in the order of their measure names
     * @return the measures of its corrected estimate {@code r} with {@code ci_lower},
     *     {@code ci_upper}, against every correlation estimand of all studies; with the mean of k
     */
    static MeasureSpec estimator(String analysis, ConditionInfo condition, String pValue,
                                 Map<String, String> extraMeans) {
        Map<String, String> means = new LinkedHashMap<>();
        // sorted: the callers' Map.of iterates in an order that changes from one JVM to the next,
        // and the measures' order is that of summary.csv and summary.json
        new TreeMap<>(extraMeans).forEach((m, q) -> means.put(m, Analyses.column(analysis, q)));
        means.put(MeasureNames.MEAN_K, Analyses.column(analysis, "k"));
        return new MeasureSpec.Estimator(analysis, Analyses.column(analysis, "r"),
            Analyses.column(analysis, "ci_lower"), Analyses.column(analysis, "ci_upper"),
            pValue == null ? null : Analyses.column(analysis, pValue),
            PooledColumns.correlationTargets(condition.truth()), means);
    }
}
