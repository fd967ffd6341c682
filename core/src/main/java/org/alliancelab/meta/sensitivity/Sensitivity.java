package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;

/** Shared input checks and copies. */
final class Sensitivity {

    private Sensitivity() {
    }

    static void check(double[] yi, double[] vi) {
        for (int i = 0; i < yi.length; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new InvalidEffectSizeException(i, "yi", "effect size is not a finite number");
            }
            if (!(vi[i] > 0) || !Double.isFinite(vi[i])) {
                throw new InvalidEffectSizeException(i, "vi", "sampling variance must be positive and finite");
            }
        }
    }

    /** Copies all studies but study i into y, v (length k - 1). */
    static void omit(double[] yi, double[] vi, int i, double[] y, double[] v) {
        System.arraycopy(yi, 0, y, 0, i);
        System.arraycopy(vi, 0, v, 0, i);
        System.arraycopy(yi, i + 1, y, i, yi.length - i - 1);
        System.arraycopy(vi, i + 1, v, i, vi.length - i - 1);
    }
}
