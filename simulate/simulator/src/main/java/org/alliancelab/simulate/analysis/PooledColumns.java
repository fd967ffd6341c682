package org.alliancelab.simulate.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.MeasureNames;

/**
 * The columns of a pooled correlation and how a fit fills them, in one place: k, and r, its
 * confidence and prediction bounds back-transformed from the Fisher-z scale with tanh; se,
 * tau<sup>2</sup> and I<sup>2</sup> on the z scale; p of the test of zero.
 */
final class PooledColumns {
    /** The quantities, in column order. */
    static final List<String> QUANTITIES = List.of("k", "r", "se", "ci_lower", "ci_upper", "p", "tau2", "i2",
        "pi_lower", "pi_upper");

    private PooledColumns() {
    }

    /**
     * @param analysis the analysis name
     * @return its pooled-correlation columns
     */
    static ColumnGroup group(String analysis) {
        return new ColumnGroup(analysis, QUANTITIES);
    }

    /** Writes a fit held in a workspace. */
    static void write(ColumnWriter w, double[] record, PoolingWorkspace f) {
        w.write(record, f.k(), Math.tanh(f.estimate()), f.se(), Math.tanh(f.ciLower()), Math.tanh(f.ciUpper()),
            f.pValue(), f.tau2(), f.i2(), Math.tanh(f.piLower()), Math.tanh(f.piUpper()));
    }

    /** Writes a fit held in a result object (the subgroups of a moderator). */
    static void write(ColumnWriter w, double[] record, MetaAnalysisResult f) {
        w.write(record, f.k(), Math.tanh(f.estimate()), f.se(), Math.tanh(f.ciLower()), Math.tanh(f.ciUpper()),
            f.pValue(), f.tau2(), f.i2(), Math.tanh(f.piLower()), Math.tanh(f.piUpper()));
    }

    /**
     * The measures of a pooled correlation: those of its estimate against each correlation
     * estimand, and the means of tau<sup>2</sup>, I<sup>2</sup> and k.
     *
     * @param analysis the analysis name
     * @param targets estimand to true value (empty when the truth is not defined)
     * @return the measure specification
     */
    static MeasureSpec measures(String analysis, Map<Estimand, Double> targets) {
        Map<String, String> means = new LinkedHashMap<>();
        means.put(MeasureNames.MEAN_TAU2, Analyses.column(analysis, "tau2"));
        means.put(MeasureNames.MEAN_I2, Analyses.column(analysis, "i2"));
        means.put(MeasureNames.MEAN_K, Analyses.column(analysis, "k"));
        return new MeasureSpec.Estimator(analysis, Analyses.column(analysis, "r"),
            Analyses.column(analysis, "ci_lower"), Analyses.column(analysis, "ci_upper"),
            Analyses.column(analysis, "p"), targets, means);
    }

    /**
     * @param truth population values
     * @return the correlation estimands with their values, in report order
     */
    static Map<Estimand, Double> correlationTargets(org.alliancelab.simulate.model.TruthValues truth) {
        Map<Estimand, Double> m = new LinkedHashMap<>();
        for (Estimand e : Estimand.CORRELATIONS) {
            m.put(e, e.of(truth));
        }
        return m;
    }
}
