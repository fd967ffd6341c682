package org.alliancelab.simulate.calibration;

import java.util.function.Function;
import org.alliancelab.simulate.internal.SmallMatrices;

/**
 * Bounded nonlinear least squares by Levenberg–Marquardt: minimises
 * {@code S(x) = sum_i f_i(x)^2} over the box {@code lower <= x <= upper}.
 *
 * <p>Each iteration forms the forward-difference Jacobian J at x (step
 * {@code h_k = 1e-7 max(1, |x_k|)}, taken backwards at an upper bound or where the forward point
 * is invalid), the gradient {@code g = J'f} and solves the damped normal equations
 * {@code (J'J + lambda diag(J'J)) d = -g} (Marquardt 1963's scaling, so the parameters' units do
 * not matter; by Cholesky, the matrix being positive definite) for the parameters not held at a bound: a parameter at a bound whose gradient
 * pushes it outwards is held there (an active set); the trial point is projected onto the box.
 * A trial that lowers S is accepted and lambda divided by 10; otherwise lambda is multiplied by
 * 10 (towards a short gradient step). A point where f cannot be evaluated (the function throws
 * {@link IllegalArgumentException} or returns a non-finite value) is treated as a failed trial.
 *
 * <p>Stops when the largest |f_i| is below {@code 1e-12}, when an accepted step lowers S by less
 * than {@code 1e-10 S} and moves no parameter by more than {@code 1e-6} of its range (S is then
 * known to about 1e-10 of itself), when the
 * projected gradient vanishes, when no trial can lower S ({@code lambda > 1e12}: a local minimum
 * to the precision of the differences), or after {@value #MAX_ITERATIONS} iterations. For a
 * square system with a solution inside the box this is Newton's method in the end (lambda tends
 * to 0), with quadratic convergence up to the accuracy of the differences.
 *
 * <p>Reference: Marquardt, D. W. (1963). An algorithm for least-squares estimation of nonlinear
 * parameters. SIAM J. Appl. Math. 11, 431-441, doi:10.1137/0111030.
 */
final class BoundedLeastSquares {
    static final int MAX_ITERATIONS = 200;

    /**
     * The end point.
     *
     * @param x the parameters
     * @param residuals f(x)
     * @param iterations iterations done
     * @param converged whether a stopping rule other than the iteration limit stopped it
     */
    record Solution(double[] x, double[] residuals, int iterations, boolean converged) {
        double sumOfSquares() {
            return BoundedLeastSquares.sumOfSquares(residuals);
        }
    }

    private final Function<double[], double[]> f;
    private final double[] lower;
    private final double[] upper;

    private BoundedLeastSquares(Function<double[], double[]> f, double[] lower, double[] upper) {
        this.f = f;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /**
     * @param f the residual function; throws {@link IllegalArgumentException} where undefined
     * @param lower lower bounds
     * @param upper upper bounds, each greater than its lower bound
     * @return the solver
     */
    static BoundedLeastSquares of(Function<double[], double[]> f, double[] lower, double[] upper) {
        return new BoundedLeastSquares(f, lower, upper);
    }

    /**
     * @param start the first point, projected onto the box
     * @return the end point
     * @throws IllegalArgumentException when f cannot be evaluated at the start
     */
    Solution solve(double[] start) {
        int n = start.length;
        double[] x = project(start);
        double[] r = evaluate(x);
        if (r == null) {
            throw new IllegalArgumentException("the residuals cannot be evaluated at the start");
        }
        double s = sumOfSquares(r);
        double lambda = 1e-3;
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            if (maxAbs(r) < 1e-12) {
                return new Solution(x, r, iter - 1, true);
            }
            double[][] j = jacobian(x, r);
            int m = r.length;
            double[] g = new double[n];
            double[][] a = new double[n][n];
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < m; i++) {
                    g[k] += j[i][k] * r[i];
                }
                for (int l = 0; l < n; l++) {
                    for (int i = 0; i < m; i++) {
                        a[k][l] += j[i][k] * j[i][l];
                    }
                }
            }
            boolean[] held = new boolean[n];
            double projected = 0;
            for (int k = 0; k < n; k++) {
                held[k] = x[k] <= lower[k] && g[k] > 0 || x[k] >= upper[k] && g[k] < 0;
                if (!held[k]) {
                    projected = Math.max(projected, Math.abs(g[k]) * (upper[k] - lower[k]));
                }
            }
            if (projected <= 1e-15 * Math.max(s, 1e-300) || projected == 0) {
                return new Solution(x, r, iter, true);
            }
            boolean accepted = false;
            while (!accepted) {
                double[] step = dampedStep(a, g, held, lambda);
                double[] trial = x.clone();
                double moved = 0;
                for (int k = 0; k < n; k++) {
                    trial[k] = Math.min(upper[k], Math.max(lower[k], x[k] + step[k]));
                    moved = Math.max(moved, Math.abs(trial[k] - x[k]) / (upper[k] - lower[k]));
                }
                double[] tr = moved == 0 ? null : evaluate(trial);
                double ts = tr == null ? Double.POSITIVE_INFINITY : sumOfSquares(tr);
                if (ts < s) {
                    accepted = true;
                    double decrease = s - ts;
                    x = trial;
                    r = tr;
                    s = ts;
                    lambda = Math.max(lambda / 10, 1e-12);
                    if (decrease < 1e-10 * s && moved < 1e-6) {
                        return new Solution(x, r, iter, true);
                    }
                } else {
                    lambda *= 10;
                    if (lambda > 1e12) {
                        return new Solution(x, r, iter, true);
                    }
                }
            }
        }
        return new Solution(x, r, MAX_ITERATIONS, false);
    }

    private double[] project(double[] x) {
        double[] p = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            p[k] = Math.min(upper[k], Math.max(lower[k], x[k]));
        }
        return p;
    }

    /** f(x), or null where it cannot be evaluated. */
    private double[] evaluate(double[] x) {
        double[] r;
        try {
            r = f.apply(x);
        } catch (IllegalArgumentException undefined) {
            return null;
        }
        for (double v : r) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return r;
    }

    private double[][] jacobian(double[] x, double[] r) {
        int n = x.length;
        double[][] j = new double[r.length][n];
        for (int k = 0; k < n; k++) {
            double h = 1e-7 * Math.max(1, Math.abs(x[k]));
            double[] rh = null;
            double used = h;
            if (x[k] + h <= upper[k]) {
                rh = evaluate(shifted(x, k, h));
            }
            if (rh == null) {
                used = -h;
                rh = x[k] - h >= lower[k] ? evaluate(shifted(x, k, -h)) : null;
            }
            if (rh == null) {
                continue; // no valid neighbour inside the box: the parameter does not move
            }
            for (int i = 0; i < r.length; i++) {
                j[i][k] = (rh[i] - r[i]) / used;
            }
        }
        return j;
    }

    private static double[] shifted(double[] x, int k, double h) {
        double[] y = x.clone();
        y[k] += h;
        return y;
    }

    /** Solves the damped normal equations for the parameters not held; held ones do not move. */
    private static double[] dampedStep(double[][] a, double[] g, boolean[] held, double lambda) {
        int n = g.length;
        int[] index = new int[n];
        int free = 0;
        for (int k = 0; k < n; k++) {
            if (!held[k]) {
                index[free++] = k;
            }
        }
        double[][] m = new double[free][free];
        double[] rhs = new double[free];
        for (int p = 0; p < free; p++) {
            for (int q = 0; q < free; q++) {
                m[p][q] = a[index[p]][index[q]];
            }
            m[p][p] += lambda * Math.max(a[index[p]][index[p]], 1e-12);
            rhs[p] = -g[index[p]];
        }
        double[] step = new double[n];
        // J'J + lambda diag is positive definite; if rounding says otherwise, no step (a failed trial).
        if (free == 0 || !SmallMatrices.cholesky(m, m, free)) {
            return step;
        }
        double[] y = new double[free];
        for (int i = 0; i < free; i++) {
            double v = rhs[i];
            for (int k = 0; k < i; k++) {
                v -= m[i][k] * y[k];
            }
            y[i] = v / m[i][i];
        }
        for (int i = free - 1; i >= 0; i--) {
            double v = y[i];
            for (int k = i + 1; k < free; k++) {
                v -= m[k][i] * y[k];
            }
            y[i] = v / m[i][i];
        }
        for (int p = 0; p < free; p++) {
            step[index[p]] = y[p];
        }
        return step;
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    private static double maxAbs(double[] r) {
        double m = 0;
        for (double v : r) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
