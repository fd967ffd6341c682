package org.alliancelab.simulate.engine;

/**
 * Allocation-free small linear algebra for the hot loop: Cholesky factors and correlations
 * from a co-moment (or Wishart) matrix, using caller-owned scratch arrays.
 */
final class Moments {
    private Moments() {
    }

    /**
     * Lower Cholesky factor of {@code a} into {@code l} (upper triangle zeroed).
     *
     * @return false when {@code a} is not numerically positive definite
     */
    static boolean cholesky(double[][] a, double[][] l, int q) {
        for (int j = 0; j < q; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < q; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
                l[j][i] = 0;
            }
        }
        return true;
    }

    /**
     * Correlation of variables 0 and 1 of a co-moment matrix (lower triangle used).
     */
    static double correlation(double[][] c) {
        return c[1][0] / Math.sqrt(c[0][0] * c[1][1]);
    }

    /**
     * Partial correlation of variables 0 and 1 given variables 2..q-1 of a co-moment matrix
     * (lower triangle used), by the Schur complement
     * {@code C_ab|Z = C_ab - C_aZ C_ZZ^-1 C_Zb}: equal to {@code -P01 / sqrt(P00 P11)} with
     * {@code P = C^-1}.
     *
     * @param c co-moment matrix, q x q, lower triangle filled
     * @param q dimension (at least 3)
     * @param l scratch (q-2) x (q-2) or larger
     * @param wa scratch of length q-2 or more
     * @param wb scratch of length q-2 or more
     * @return the partial correlation, NaN if the covariate block is singular
     */
    static double partialCorrelation(double[][] c, int q, double[][] l, double[] wa, double[] wb) {
        int p = q - 2;
        for (int j = 0; j < p; j++) {
            double d = c[j + 2][j + 2];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                return Double.NaN;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = c[i + 2][j + 2];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        double caa = c[0][0];
        double cbb = c[1][1];
        double cab = c[1][0];
        for (int i = 0; i < p; i++) {
            double sa = c[i + 2][0];
            double sb = c[i + 2][1];
            for (int k = 0; k < i; k++) {
                sa -= l[i][k] * wa[k];
                sb -= l[i][k] * wb[k];
            }
            wa[i] = sa / l[i][i];
            wb[i] = sb / l[i][i];
            caa -= wa[i] * wa[i];
            cbb -= wb[i] * wb[i];
            cab -= wa[i] * wb[i];
        }
        return cab / Math.sqrt(caa * cbb);
    }
}
