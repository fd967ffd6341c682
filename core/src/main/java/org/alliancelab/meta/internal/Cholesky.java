package org.alliancelab.meta.internal;

/**
 * Cholesky factorisation A = LL' of a small symmetric matrix stored row-major, with the solve
 * and the inverse it gives. It reports, rather than throws, a matrix that is not positive
 * definite, because the callers (Newton steps, observed-information matrices) then take
 * another route.
 */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * @param a symmetric p &times; p matrix, row-major (only the lower triangle is read)
     * @param p dimension
     * @param l receives the lower factor (p &times; p, row-major; the upper triangle is zeroed)
     * @return whether A is positive definite (every pivot positive and finite)
     */
    public static boolean factor(double[] a, int p, double[] l) {
        return firstDeficientColumn(a, p, l, 0) < 0;
    }

    /**
     * Factors A and reports the first column whose pivot (the part of its diagonal not explained
     * by the columns before it) is at most {@code tolerance} times its diagonal, or is not finite:
     * with a positive tolerance this detects a column collinear with the others, to working
     * precision, rather than only an exactly singular matrix.
     *
     * @param a symmetric p &times; p matrix, row-major (only the lower triangle is read)
     * @param p dimension
     * @param l receives the lower factor (p &times; p, row-major; the upper triangle is zeroed)
     * @param tolerance relative pivot threshold, in [0, 1)
     * @return -1 when every pivot passes, else the index of the first column that fails (the
     *     factor is then complete only up to that column)
     */
    public static int firstDeficientColumn(double[] a, int p, double[] l, double tolerance) {
        java.util.Arrays.fill(l, 0, p * p, 0);
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
            }
            if (!(d > tolerance * a[j * p + j]) || !(d > 0) || Double.isInfinite(d)) {
                return j;
            }
            double ljj = Math.sqrt(d);
            l[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / ljj;
            }
        }
        return -1;
    }

    /**
     * Solves LL'x = b in place.
     *
     * @param l the lower factor from {@link #factor}
     * @param p dimension
     * @param b the right-hand side, replaced by x
     */
    public static void solve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * b[k];
            }
            b[i] = s / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * b[k];
            }
            b[i] = s / l[i * p + i];
        }
    }

    /**
     * @param a symmetric p &times; p matrix, row-major
     * @param p dimension
     * @return A<sup>-1</sup> (row-major), or {@code null} when A is not positive definite
     */
    public static double[] inverse(double[] a, int p) {
        double[] l = new double[p * p];
        if (!factor(a, p, l)) {
            return null;
        }
        double[] inv = new double[p * p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            solve(l, p, col);
            for (int i = 0; i < p; i++) {
                inv[i * p + j] = col[i];
            }
        }
        return inv;
    }
}
