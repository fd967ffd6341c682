package org.alliancelab.meta.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;

/**
 * Cumulative meta-analysis, as metafor's {@code cumul}: studies are added one at a time in a
 * given order (e.g. by publication year) and the model refitted after each, showing how the
 * pooled estimate evolved. Entry j pools the first j + 1 studies of the order.
 *
 * <p>Reference: Lau, J. et al. (1992). Cumulative meta-analysis of therapeutic trials for
 * myocardial infarction. <i>New England Journal of Medicine</i>, 327, 248-254.
 * doi:10.1056/NEJM199207233270406
 */
public final class CumulativeMetaAnalysis {

    private CumulativeMetaAnalysis() {
    }

    /**
     * Cumulative fits in input order.
     *
     * @param model the pooling model
     * @param yi effect sizes
     * @param vi sampling variances
     * @return k fits, the j-th of the first j + 1 studies
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     */
    public static List<MetaAnalysisResult> fit(RandomEffectsModel model, double[] yi, double[] vi) {
        int[] order = new int[yi.length];
        Arrays.setAll(order, i -> i);
        return fit(model, yi, vi, order);
    }

    /**
     * Cumulative fits in the given order.
     *
     * @param model the pooling model
     * @param yi effect sizes
     * @param vi sampling variances
     * @param order a permutation of the study indices 0..k-1: the order of accumulation
     * @return k fits, the j-th of studies order[0..j]
     * @throws IllegalArgumentException when order is not a permutation or lengths differ
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     */
    public static List<MetaAnalysisResult> fit(RandomEffectsModel model, double[] yi, double[] vi, int[] order) {
        int k = yi.length;
        if (vi.length != k || order.length != k) {
            throw new IllegalArgumentException("yi, vi and order must have the same length");
        }
        boolean[] seen = new boolean[k];
        for (int o : order) {
            if (o < 0 || o >= k || seen[o]) {
                throw new IllegalArgumentException("order is not a permutation of 0.." + (k - 1));
            }
            seen[o] = true;
        }
        EffectSizeChecks.requireValid(yi, vi);
        double[] y = new double[k];
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            y[j] = yi[order[j]];
            v[j] = vi[order[j]];
        }
        List<MetaAnalysisResult> out = new ArrayList<>(k);
        for (int j = 1; j <= k; j++) {
            out.add(model.fit(Arrays.copyOf(y, j), Arrays.copyOf(v, j)));
        }
        return List.copyOf(out);
    }
}
