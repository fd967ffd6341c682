package org.alliancelab.meta.regression;

/**
 * The symmetric inverse square root of a small symmetric positive semi-definite matrix, by the
 * cyclic Jacobi eigenvalue method (Golub &amp; Van Loan, Matrix Computations, 4th ed., 2013,
 * sec. 8.5): {@code G^(-1/2) = V diag(lambda^(-1/2)) V'}, eigenvalues at or below the caller's
 * tolerance taken as 0 (a Moore–Penrose inverse square root, the rule of {@code clubSandwich}'s
 * {@code matrix_power}, whose tolerance is {@value #TOLERANCE} on its scale). Writes into the
 * caller's buffers, so that it allocates nothing. Package-private.
 */
final class InverseSquareRoot {
    /** clubSandwich's {@code matrix_power}: eigenvalues at or below this count as zero. */
    static final double TOLERANCE = 1e-12;
    private static final int MAX_SWEEPS = 100;

    private InverseSquareRoot() {
    }

    /**
     * @param g symmetric n x n matrix, row-major (overwritten; at least n * n entries)
     * @param n its order
     * @param tolerance eigenvalues at or below it count as zero
     * @param v scratch for the eigenvectors, at least n * n entries
     * @param out receives G^(-1/2), row-major, in its first n * n entries
     */
    static void of(double[] g, int n, double tolerance, double[] v, double[] out) {
        java.util.Arrays.fill(v, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += g[i * n + i] * g[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += g[i * n + j] * g[i * n + j];
                }
            }
            if (off <= 1e-30 * diag) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = g[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (g[q * n + q] - g[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double gkp = g[k * n + p];
                        double gkq = g[k * n + q];
                        g[k * n + p] = c * gkp - s * gkq;
                        g[k * n + q] = s * gkp + c * gkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double gpk = g[p * n + k];
                        double gqk = g[q * n + k];
                        g[p * n + k] = c * gpk - s * gqk;
                        g[q * n + k] = s * gpk + c * gqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        java.util.Arrays.fill(out, 0, n * n, 0);
        for (int e = 0; e < n; e++) {
            double lambda = g[e * n + e];
            if (!(lambda > tolerance)) {
                continue;
            }
            double f = 1 / Math.sqrt(lambda);
            for (int i = 0; i < n; i++) {
                double vi = v[i * n + e] * f;
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += vi * v[j * n + e];
                }
            }
        }
    }
}
