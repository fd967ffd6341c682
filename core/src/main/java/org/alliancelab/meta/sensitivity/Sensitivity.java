package org.alliancelab.meta.sensitivity;

/** Shared copies of the leave-one-out analyses. */
final class Sensitivity {

    private Sensitivity() {
    }

    /** Copies all studies but study i into y, v (length k - 1). */
    static void omit(double[] yi, double[] vi, int i, double[] y, double[] v) {
        System.arraycopy(yi, 0, y, 0, i);
        System.arraycopy(vi, 0, v, 0, i);
        System.arraycopy(yi, i + 1, y, i, yi.length - i - 1);
        System.arraycopy(vi, i + 1, v, i, vi.length - i - 1);
    }
}
