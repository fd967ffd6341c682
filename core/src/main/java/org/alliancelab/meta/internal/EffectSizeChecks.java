package org.alliancelab.meta.internal;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;

/** The check every analysis makes of its effect sizes and sampling variances, worded once. */
public final class EffectSizeChecks {

    private EffectSizeChecks() {
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances, at least as many
     * @throws InvalidEffectSizeException naming the first study whose sampling variance is not
     *     positive and finite or whose effect size is not finite
     */
    public static void requireValid(double[] yi, double[] vi) {
        InvalidEffectSizeException e = firstInvalid(yi, vi, yi.length);
        if (e != null) {
            throw e;
        }
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @param k the number of studies to look at
     * @return the exception naming the first invalid study among the first k, or null when all
     *     are valid
     */
    public static InvalidEffectSizeException firstInvalid(double[] yi, double[] vi, int k) {
        for (int i = 0; i < k; i++) {
            InvalidEffectSizeException e = invalid(i, yi[i], vi[i]);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * @param study the study's index, for the message
     * @param y its effect size
     * @param v its sampling variance
     * @return the exception naming what is wrong with the study, or null when it is valid
     */
    public static InvalidEffectSizeException invalid(int study, double y, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            return new InvalidEffectSizeException(study, "vi", "sampling variance must be positive and finite, got " + v);
        }
        if (!Double.isFinite(y)) {
            return new InvalidEffectSizeException(study, "yi", "effect size must be a finite number, got " + y);
        }
        return null;
    }
}
