package org.alliancelab.meta.subgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;

/**
 * Subgroup analysis: pools the studies of each level of a categorical moderator and tests
 * whether the subgroup estimates differ.
 *
 * <p>With {@link HeterogeneityAssumption#SEPARATE} (the default) each subgroup is fitted with
 * the configured random-effects model on its own, and the subgroup estimates are compared by
 * the Wald-type test Q<sub>between</sub> = &Sigma;<sub>g</sub> w<sub>g</sub>(&mu;&#x0302;<sub>g</sub>
 * - &mu;&#x0304;)<sup>2</sup> with w<sub>g</sub> = 1/SE<sub>g</sub><sup>2</sup>, which is
 * chi-squared with G - 1 degrees of freedom under equality (the Q statistic of a common-effect
 * meta-analysis of the G subgroup estimates). For two subgroups it equals the square of
 * the z of {@link org.alliancelab.meta.comparison.EstimateComparison#independent}.
 *
 * <p>With {@link HeterogeneityAssumption#COMMON}, tau<sup>2</sup> is estimated once from the
 * meta-regression on the grouping factor and each subgroup is pooled with that tau<sup>2</sup>
 * (estimate &Sigma;w<sub>i</sub>y<sub>i</sub>/&Sigma;w<sub>i</sub>, w<sub>i</sub> = 1/(v<sub>i</sub> +
 * &tau;&#x0302;<sup>2</sup>)); Q<sub>between</sub> is the same weighted sum of squares, which with
 * z tests equals the meta-regression's omnibus QM (metafor's {@code rma(yi, vi, mods = ~ factor(g))}).
 * With Knapp-Hartung tests the subgroup standard errors are each scaled by their own
 * s<sup>2</sup>, so Q<sub>between</sub> then differs from metafor's F-test of that model.
 *
 * <p>Reference: Borenstein, M., Hedges, L. V., Higgins, J. P. T. &amp; Rothstein, H. R. (2009).
 * <i>Introduction to Meta-Analysis</i>, ch. 19. doi:10.1002/9780470743386
 *
 * <p>Levels are ordered by {@link String#compareTo} (code-point order, as R's {@code sort} in the
 * C locale).
 */
public final class SubgroupAnalysis {

    private final RandomEffectsModel model;
    private final HeterogeneityAssumption assumption;

    private SubgroupAnalysis(RandomEffectsModel model, HeterogeneityAssumption assumption) {
        this.model = model;
        this.assumption = assumption;
    }

    /**
     * @param model the model used to pool each subgroup
     * @return an analysis with separate tau<sup>2</sup> per subgroup
     */
    public static SubgroupAnalysis of(RandomEffectsModel model) {
        return new SubgroupAnalysis(Objects.requireNonNull(model, "model"), HeterogeneityAssumption.SEPARATE);
    }

    /**
     * @param newAssumption separate or common tau<sup>2</sup>
     * @return a copy with the given assumption
     */
    public SubgroupAnalysis withHeterogeneity(HeterogeneityAssumption newAssumption) {
        return new SubgroupAnalysis(model, Objects.requireNonNull(newAssumption, "assumption"));
    }

    /** @return the pooling model */
    public RandomEffectsModel model() {
        return model;
    }

    /** @return whether tau<sup>2</sup> is separate or common */
    public HeterogeneityAssumption heterogeneity() {
        return assumption;
    }

    /**
     * Fits the subgroup analysis.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @param levels the subgroup of each study
     * @return per-level results in sorted level order and the Q-between test
     * @throws IllegalArgumentException when the arrays differ in length, are empty, or a level is
     *     null; the model's exceptions for invalid effect sizes (with the index within the
     *     subgroup)
     */
    public SubgroupResult fit(double[] yi, double[] vi, String[] levels) {
        int k = yi.length;
        if (k == 0 || vi.length != k || levels.length != k) {
            throw new IllegalArgumentException("yi, vi and levels must have the same, non-zero length");
        }
        Map<String, List<Integer>> byLevel = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            if (levels[i] == null) {
                throw new IllegalArgumentException("level of study " + i + " is missing");
            }
            byLevel.computeIfAbsent(levels[i], l -> new ArrayList<>()).add(i);
        }
        List<Level> groups = new ArrayList<>(byLevel.size());
        for (Map.Entry<String, List<Integer>> e : byLevel.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] y = new double[idx.size()];
            double[] v = new double[idx.size()];
            for (int j = 0; j < y.length; j++) {
                y[j] = yi[idx.get(j)];
                v[j] = vi[idx.get(j)];
            }
            groups.add(new Level(e.getKey(), y, v));
        }
        List<Subgroup> fitted = new ArrayList<>(groups.size());
        if (assumption == HeterogeneityAssumption.SEPARATE || byLevel.size() < 2) {
            for (Level l : groups) {
                fitted.add(new Subgroup(l.level, model.fit(l.y, l.v)));
            }
        } else {
            double tau2 = MetaRegression.of(model)
                .fit(yi, vi, DesignMatrix.builder(k).categorical("group", levels).build())
                .tau2();
            for (Level l : groups) {
                fitted.add(new Subgroup(l.level, model.fitWithTauSquared(l.y, l.v, tau2)));
            }
        }
        return between(fitted, assumption);
    }

    /** The studies of one level. */
    private record Level(String level, double[] y, double[] v) {
    }

    /** Q-between of the subgroup estimates with inverse squared-SE weights. */
    static SubgroupResult between(List<Subgroup> groups, HeterogeneityAssumption assumption) {
        double sw = 0;
        double swy = 0;
        for (Subgroup g : groups) {
            MetaAnalysisResult r = g.result();
            double w = 1 / (r.se() * r.se());
            sw += w;
            swy += w * r.estimate();
        }
        double mean = swy / sw;
        double q = 0;
        for (Subgroup g : groups) {
            MetaAnalysisResult r = g.result();
            double dev = r.estimate() - mean;
            q += dev * dev / (r.se() * r.se());
        }
        int df = groups.size() - 1;
        double p = df > 0 ? TailProbabilities.chiSquaredUpper(q, df) : Double.NaN;
        return new SubgroupResult(groups, assumption, q, df, p);
    }
}
