package org.alliancelab.simulate.model;

/**
 * Dense linear algebra for the handful of nodes a structural model has. Hand-written on
 * purpose: matrices are at most a few dozen rows, the operations needed are few, and this
 * avoids a dependency for three loops.
 */
final class SmallMatrices {
    private SmallMatrices() {
    }

    /**
     * Partial correlation of variables 0 and 1 of a covariance matrix given all the others:
     * {@code -P01 / sqrt(P00 P11)} with {@code P} the inverse of the matrix (for two variables,
     * the plain correlation).
     *
     * @param cov symmetric positive definite covariance matrix, at least 2 x 2
     * @return the partial correlation, NaN when the matrix is not positive definite
     */
    static double partialCorrelation(double[][] cov) {
        int q = cov.length;
        if (q == 2) {
            return cov[0][1] / Math.sqrt(cov[0][0] * cov[1][1]);
        }
        // Schur complement of the covariates block: C_ab|Z = C_ab - C_aZ C_ZZ^-1 C_Zb.
        int p = q - 2;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                l[i][j] = cov[i + 2][j + 2];
            }
        }
        if (!choleskyInPlace(l)) {
            return Double.NaN;
        }
        double[] wa = new double[p];
        double[] wb = new double[p];
        for (int i = 0; i < p; i++) {
            wa[i] = cov[0][i + 2];
            wb[i] = cov[1][i + 2];
        }
        forwardSolve(l, wa);
        forwardSolve(l, wb);
        double caa = cov[0][0];
        double cbb = cov[1][1];
        double cab = cov[0][1];
        for (int i = 0; i < p; i++) {
            caa -= wa[i] * wa[i];
            cbb -= wb[i] * wb[i];
            cab -= wa[i] * wb[i];
        }
        return cab / Math.sqrt(caa * cbb);
    }

    /**
     * Lower Cholesky factor in place (upper triangle zeroed).
     *
     * @return false when the matrix is not (numerically) positive definite
     */
    static boolean choleskyInPlace(double[][] a) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / ljj;
            }
            for (int k = j + 1; k < n; k++) {
                a[j][k] = 0;
            }
        }
        return true;
    }

    /** Solves {@code L x = b} in place for lower-triangular {@code L}. */
    static void forwardSolve(double[][] l, double[] b) {
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * b[k];
            }
            b[i] = s / l[i][i];
        }
    }
}
