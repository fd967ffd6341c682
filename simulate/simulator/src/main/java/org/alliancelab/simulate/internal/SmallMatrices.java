package org.alliancelab.simulate.internal;

/**
 * Dense linear algebra for the handful of variables a structural model has: Cholesky factors
 * and (partial) correlations of a covariance or co-moment matrix. Hand-written on purpose:
 * matrices are at most a few dozen rows, the operations needed are few, and the hot loop needs
 * them allocation-free, with caller-owned scratch arrays.
 */
public final class SmallMatrices {
    private SmallMatrices() {
    }

    /**
     * Lower Cholesky factor of {@code a} into {@code l} (upper triangle zeroed); {@code l} may
     * be {@code a} itself.
     *
     * @param a symmetric matrix, q x q or larger, lower triangle used
     * @param l receives the factor
     * @param q dimension
     * @return false when {@code a} is not numerically positive definite
     */
    public static boolean cholesky(double[][] a, double[][] l, int q) {
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
     * @param c covariance or co-moment matrix, lower triangle used
     * @return the correlation of variables 0 and 1
     */
    public static double correlation(double[][] c) {
        return c[1][0] / Math.sqrt(c[0][0] * c[1][1]);
    }

    /**
     * Partial correlation of variables 0 and 1 of a covariance matrix given all the others;
     * allocates its scratch (see the allocation-free overload).
     *
     * @param cov symmetric covariance matrix, at least 2 x 2
     * @return the partial correlation (for two variables, the plain correlation), NaN when the
     *     covariate block is not positive definite
     */
    public static double partialCorrelation(double[][] cov) {
        int q = cov.length;
        int p = q - 2;
        return partialCorrelation(cov, q, new double[p][p], new double[p], new double[p]);
    }

    /**
     * Partial correlation of variables 0 and 1 given variables 2..q-1 of a covariance or
     * co-moment matrix, by the Schur complement {@code C_ab|Z = C_ab - C_aZ C_ZZ^-1 C_Zb}
     * through the Cholesky factor of {@code C_ZZ}: equal to {@code -P01 / sqrt(P00 P11)} with
     * {@code P = C^-1}.
     *
     * @param c covariance matrix, q x q, lower triangle used
     * @param q dimension (at least 2; for 2, the plain correlation)
     * @param l scratch (q-2) x (q-2) or larger
     * @param wa scratch of length q-2 or more
     * @param wb scratch of length q-2 or more
     * @return the partial correlation, NaN if the covariate block is not positive definite
     */
    public static double partialCorrelation(double[][] c, int q, double[][] l, double[] wa, double[] wb) {
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
