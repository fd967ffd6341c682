package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.NonConvergenceException;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/** Shared copies of the leave-one-out analyses. */
final class Sensitivity {

    private Sensitivity() {
    }

    /**
     * The model for the refits without one study: Fisher scoring (ML, REML, EB) warm-started at
     * the full-data tau<sup>2</sup>, which one omitted study moves little; the other estimators
     * are closed-form or bracketed and start as before.
     */
    static RandomEffectsModel warmStarted(RandomEffectsModel model, double[] yi, double[] vi) {
        if (!scored(model.estimator())) {
            return model;
        }
        try {
            return warmStarted(model, model.fit(yi, vi));
        } catch (NonConvergenceException e) {
            // the refits are attempted anyway, cold, as before
            return model;
        }
    }

    /** As {@link #warmStarted(RandomEffectsModel, double[], double[])}, from the full-data fit already made. */
    static RandomEffectsModel warmStarted(RandomEffectsModel model, MetaAnalysisResult full) {
        return scored(model.estimator()) ? model.withStartingTau2(full.tau2()) : model;
    }

    private static boolean scored(TauSquaredEstimator estimator) {
        return estimator == TauSquaredEstimator.ML || estimator == TauSquaredEstimator.REML
            || estimator == TauSquaredEstimator.EB;
    }

    /** Copies all studies but study i into y, v (length k - 1). */
    static void omit(double[] yi, double[] vi, int i, double[] y, double[] v) {
        System.arraycopy(yi, 0, y, 0, i);
        System.arraycopy(vi, 0, v, 0, i);
        System.arraycopy(yi, i + 1, y, i, yi.length - i - 1);
        System.arraycopy(vi, i + 1, v, i, vi.length - i - 1);
    }
}
