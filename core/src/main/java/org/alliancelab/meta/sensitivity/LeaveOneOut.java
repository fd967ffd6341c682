package org.alliancelab.meta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;

/**
 * Leave-one-out analysis, as metafor's {@code leave1out}: the model is refitted k times, each
 * time without one study, with the same estimator, test, level and convergence control. Costs
 * k fits of k - 1 studies; the iterative estimators start each refit at the full-data estimate
 * (the same root, in fewer steps).
 *
 * <p>Reference: Viechtbauer, W. &amp; Cheung, M. W.-L. (2010). Outlier and influence diagnostics
 * for meta-analysis. <i>Research Synthesis Methods</i>, 1, 112-125. doi:10.1002/jrsm.11
 */
public final class LeaveOneOut {

    private LeaveOneOut() {
    }

    /**
     * @param model the pooling model
     * @param yi effect sizes
     * @param vi sampling variances
     * @return entry i is the fit without study i (input order)
     * @throws IllegalArgumentException for fewer than 2 studies or different lengths
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs,
     *     naming the study by its index in the full data
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when a refit does not
     *     converge (metafor reports NA for that row instead)
     */
    public static List<MetaAnalysisResult> fit(RandomEffectsModel model, double[] yi, double[] vi) {
        return fit(model, yi, vi, done -> { });
    }

    /**
     * The same, telling a listener how many refits are done after each (for a progress bar:
     * the k refits are the long part of influence diagnostics on many studies).
     *
     * @param model the pooling model
     * @param yi effect sizes
     * @param vi sampling variances
     * @param progress receives 1, 2, ..., k as the refits finish, on the calling thread
     * @return entry i is the fit without study i (input order)
     * @throws IllegalArgumentException for fewer than 2 studies or different lengths
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when a refit does not converge
     */
    public static List<MetaAnalysisResult> fit(RandomEffectsModel model, double[] yi, double[] vi,
                                               java.util.function.LongConsumer progress) {
        int k = yi.length;
        if (vi.length != k) {
            throw new IllegalArgumentException("yi and vi differ in length");
        }
        if (k < 2) {
            throw new IllegalArgumentException("leave-one-out needs at least 2 studies, got " + k);
        }
        EffectSizeChecks.requireValid(yi, vi);
        return refits(Sensitivity.warmStarted(model, yi, vi), yi, vi, progress);
    }

    /** The k refits with {@code refit} (warm-started or not), after the inputs were checked. */
    static List<MetaAnalysisResult> refits(RandomEffectsModel refit, double[] yi, double[] vi,
                                           java.util.function.LongConsumer progress) {
        int k = yi.length;
        List<MetaAnalysisResult> out = new ArrayList<>(k);
        double[] y = new double[k - 1];
        double[] v = new double[k - 1];
        for (int i = 0; i < k; i++) {
            Sensitivity.omit(yi, vi, i, y, v);
            out.add(refit.fit(y, v));
            progress.accept(i + 1L);
        }
        return List.copyOf(out);
    }
}
