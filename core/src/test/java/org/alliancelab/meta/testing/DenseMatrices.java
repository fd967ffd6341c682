package org.alliancelab.meta.testing;

/**
 * Dense reference linear algebra for tests: the textbook k &times; k computations the library
 * avoids, so that its O(k p<sup>2</sup>) formulas are checked against an independent route.
 */
public final class DenseMatrices {

    private DenseMatrices() {
    }

    /**
     * @param a a square, non-singular matrix (not modified)
     * @return its inverse
     */
    public static double[][] inverse(double[][] a) {
        double[][] out = new double[a.length][a.length];
        invert(a, out);
        return out;
    }

    /**
     * Gauss-Jordan elimination with partial pivoting.
     *
     * @param a a square, non-singular matrix (not modified)
     * @param out receives the inverse of a (same size)
     * @return log |det a|
     */
    public static double invert(double[][] a, double[][] out) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        double logDet = 0;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double d = m[c][c];
            logDet += Math.log(Math.abs(d));
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    if (f != 0) {
                        for (int j = 0; j < 2 * n; j++) {
                            m[r][j] -= f * m[c][j];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, out[i], 0, n);
        }
        return logDet;
    }
}
