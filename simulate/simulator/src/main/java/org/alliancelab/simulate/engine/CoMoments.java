package org.alliancelab.simulate.engine;

/**
 * Co-moments about the sample mean of the analysis variables of one study, accumulated patient
 * by patient: the lower triangle of {@link #matrix}, raw cross-products corrected by the sums
 * at the end (values are O(1): no cancellation issue). Scratch of one thread.
 */
final class CoMoments {
    private final int q;
    private final double[][] comoment;
    private final double[] sums;
    /** The current patient's values of the analysis variables, filled by the caller. */
    final double[] values;

    CoMoments(double[][] comoment) {
        this.q = comoment.length;
        this.comoment = comoment;
        this.sums = new double[q];
        this.values = new double[q];
    }

    /** @return the co-moment matrix (lower triangle), shared with the caller */
    double[][] matrix() {
        return comoment;
    }

    void clear() {
        for (int a = 0; a < q; a++) {
            sums[a] = 0;
            for (int b = 0; b <= a; b++) {
                comoment[a][b] = 0;
            }
        }
    }

    /** Adds {@link #values} of the first dims variables. */
    void accumulate(int dims) {
        double[] v = values;
        for (int a = 0; a < dims; a++) {
            double va = v[a];
            sums[a] += va;
            double[] row = comoment[a];
            for (int b = 0; b <= a; b++) {
                row[b] += va * v[b];
            }
        }
    }

    /** Turns the cross-products of n patients into co-moments about the mean. */
    void finish(int n) {
        if (n == 0) {
            return;
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b <= a; b++) {
                comoment[a][b] -= sums[a] * sums[b] / n;
            }
        }
    }
}
