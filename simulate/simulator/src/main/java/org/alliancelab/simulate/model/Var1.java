package org.alliancelab.simulate.model;

/**
 * A bivariate VAR(1) w_t = A w_t-1 + e_t, e_t ~ N(0, S), with
 * A = [[a11, a12], [a21, a22]] (row: the variable at t; column: its predictor at t - 1) and its
 * stationary distribution. The stationary covariance G0 solves the discrete Lyapunov equation
 * G0 = A G0 A' + S, here as the 3 x 3 linear system in (g11, g12, g22) of its distinct
 * elements, by Gaussian elimination with partial pivoting (Hamilton 1994, Time Series Analysis,
 * eq. 10.2.18, vec G0 = (I - A (x) A)^-1 vec S). It exists when every eigenvalue of A lies
 * inside the unit circle ({@link #spectralRadius()} &lt; 1). Lag-h autocovariances are
 * Cov(w_t+h, w_t) = A^h G0.
 *
 * @param a11 effect of x_t-1 on x_t
 * @param a12 effect of y_t-1 on x_t
 * @param a21 effect of x_t-1 on y_t
 * @param a22 effect of y_t-1 on y_t
 * @param s11 innovation variance of x
 * @param s12 innovation covariance
 * @param s22 innovation variance of y
 */
public record Var1(double a11, double a12, double a21, double a22, double s11, double s12, double s22) {

    /**
     * @param a11 effect of x_t-1 on x_t
     * @param a12 effect of y_t-1 on x_t
     * @param a21 effect of x_t-1 on y_t
     * @param a22 effect of y_t-1 on y_t
     * @param s11 innovation variance of x
     * @param s12 innovation covariance
     * @param s22 innovation variance of y
     * @return the process
     */
    public static Var1 of(double a11, double a12, double a21, double a22, double s11, double s12, double s22) {
        return new Var1(a11, a12, a21, a22, s11, s12, s22);
    }

    /** @return the largest modulus of the eigenvalues of A */
    public double spectralRadius() {
        double half = (a11 + a22) / 2;
        double det = a11 * a22 - a12 * a21;
        double disc = half * half - det;
        if (disc >= 0) {
            double root = Math.sqrt(disc);
            return Math.max(Math.abs(half + root), Math.abs(half - root));
        }
        return Math.sqrt(det);
    }

    /** @return whether the process has a stationary distribution (spectral radius &lt; 1) */
    public boolean stationary() {
        return spectralRadius() < 1;
    }

    /**
     * @return the stationary covariance G0 as {g11, g12, g22}
     * @throws IllegalStateException when the process is not stationary
     */
    public double[] stationaryCovariance() {
        if (!stationary()) {
            throw new IllegalStateException("not stationary: spectral radius " + spectralRadius());
        }
        // rows: (A G A')_11, _12, _22 as linear forms in (g11, g12, g22), subtracted from identity
        double[][] m = {
            {1 - a11 * a11, -2 * a11 * a12, -a12 * a12, s11},
            {-a11 * a21, 1 - (a11 * a22 + a12 * a21), -a12 * a22, s12},
            {-a21 * a21, -2 * a21 * a22, 1 - a22 * a22, s22}};
        for (int c = 0; c < 3; c++) {
            int pivot = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < 3; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < 4; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] g = new double[3];
        for (int r = 2; r >= 0; r--) {
            double s = m[r][3];
            for (int k = r + 1; k < 3; k++) {
                s -= m[r][k] * g[k];
            }
            g[r] = s / m[r][r];
        }
        return g;
    }

    /**
     * @param h lag, at least 0
     * @return Cov(w_t+h, w_t) = A^h G0, row-major {c_xx, c_xy, c_yx, c_yy} with c_ab = Cov(a_t+h, b_t)
     */
    public double[] autocovariance(int h) {
        double[] g = stationaryCovariance();
        double[] c = {g[0], g[1], g[1], g[2]};
        for (int i = 0; i < h; i++) {
            c = new double[] {a11 * c[0] + a12 * c[2], a11 * c[1] + a12 * c[3],
                a21 * c[0] + a22 * c[2], a21 * c[1] + a22 * c[3]};
        }
        return c;
    }
}
