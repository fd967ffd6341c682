package org.alliancelab.meta.internal;

/**
 * Minimisation of a smooth function of a few parameters within box bounds by a projected
 * Newton method: the Hessian is the central difference of the analytic gradient; parameters on
 * a bound whose gradient points outwards are held there; the step on the others solves the
 * Newton equations, damped (Levenberg-Marquardt, on the Hessian's diagonal) until it is a
 * descent direction, and is halved, after projection onto the box, until it satisfies Armijo's
 * condition. It stops when a step changes no parameter by more than {@code tolerance} of its
 * scale, and otherwise fails after {@code maxIterations} steps, so it never runs on.
 *
 * <p>Reference: Bertsekas, D. P. (1982). Projected Newton methods for optimization problems with
 * simple constraints. <i>SIAM J. Control Optim.</i>, 20, 221-246. doi:10.1137/0320018
 */
public final class BoundedNewton {

    /** An objective with its analytic gradient. */
    @FunctionalInterface
    public interface Objective {
        /**
         * @param x the parameters
         * @param gradient receives the gradient at x when not {@code null}
         * @return the value at x; {@code NaN} or infinite where the function is not defined
         */
        double value(double[] x, double[] gradient);
    }

    /**
     * Where the minimisation ended.
     *
     * @param x the minimiser
     * @param value the function value there
     * @param iterations Newton steps taken
     */
    public record Minimum(double[] x, double value, int iterations) {
    }

    /** Outcome of a minimisation that did not converge. */
    public static final class Failure extends ArithmeticException {
        private static final long serialVersionUID = 1L;
        /** Steps taken. */
        private final int iterations;

        Failure(String message, int iterations) {
            super(message);
            this.iterations = iterations;
        }

        /** @return the steps taken */
        public int iterations() {
            return iterations;
        }
    }

    private static final double ARMIJO = 1e-4;
    private static final int HALVINGS = 60;
    /** Relative step of the finite-difference Hessian. */
    private static final double DIFF_STEP = 1e-5;

    private BoundedNewton() {
    }

    /**
     * @param f the objective
     * @param start a feasible starting point (not modified)
     * @param lower lower bounds ({@code -infinity} for none)
     * @param upper upper bounds ({@code +infinity} for none)
     * @param scale typical magnitude of each parameter, for the stopping rule and the
     *     difference steps
     * @param tolerance stop when no parameter moves by more than this times its scale
     * @param maxIterations most Newton steps
     * @return the minimum
     * @throws Failure when the start is not feasible, no step decreases the function while its
     *     projected gradient does not vanish, or the iterations run out
     */
    public static Minimum minimize(Objective f, double[] start, double[] lower, double[] upper, double[] scale,
                                   double tolerance, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.value(x, g);
        if (!Double.isFinite(fx)) {
            throw new Failure("the objective is not finite at the starting values", 0);
        }
        double[] h = new double[n * n];
        double[] trial = new double[n];
        double[] gTrial = new double[n];
        for (int iter = 1; iter <= maxIterations; iter++) {
            hessian(f, x, scale, h);
            boolean[] held = new boolean[n];
            for (int j = 0; j < n; j++) {
                held[j] = (x[j] <= lower[j] && g[j] > 0) || (x[j] >= upper[j] && g[j] < 0);
            }
            double[] d = direction(h, g, held, n);
            boolean moved = false;
            double slope = 0;
            double alpha = 1;
            double fTrial = Double.NaN;
            for (int halving = 0; halving <= HALVINGS; halving++) {
                slope = 0;
                for (int j = 0; j < n; j++) {
                    trial[j] = Math.min(upper[j], Math.max(lower[j], x[j] + alpha * d[j]));
                    slope += g[j] * (trial[j] - x[j]);
                }
                fTrial = f.value(trial, gTrial);
                if (Double.isFinite(fTrial) && fTrial <= fx + ARMIJO * slope) {
                    moved = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (!moved) {
                if (stationary(g, held, x, scale, n, fx)) {
                    return new Minimum(x, fx, iter);
                }
                throw new Failure("no step decreases the objective although its gradient does not vanish", iter);
            }
            double largest = 0;
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(trial[j] - x[j]) / scale[j]);
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(gTrial, 0, g, 0, n);
            fx = fTrial;
            if (largest <= tolerance) {
                return new Minimum(x, fx, iter);
            }
        }
        throw new Failure("did not converge in " + maxIterations + " iterations", maxIterations);
    }

    /**
     * The symmetrised central difference of the gradient.
     *
     * @param f the objective
     * @param x where
     * @param scale typical magnitudes: the step of parameter j is 1e-5 max(|x<sub>j</sub>|, scale<sub>j</sub>)
     * @param h receives the n &times; n Hessian, row-major (NaN entries where f is undefined nearby)
     */
    public static void hessian(Objective f, double[] x, double[] scale, double[] h) {
        int n = x.length;
        double[] xs = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = DIFF_STEP * Math.max(Math.abs(x[j]), scale[j]);
            xs[j] = x[j] + step;
            f.value(xs, gp);
            xs[j] = x[j] - step;
            f.value(xs, gm);
            xs[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i * n + j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = s;
                h[j * n + i] = s;
            }
        }
    }

    /** The damped Newton step on the parameters not held, zero for the held ones. */
    private static double[] direction(double[] h, double[] g, boolean[] held, int n) {
        int[] free = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (!held[j]) {
                free[m++] = j;
            }
        }
        double[] d = new double[n];
        if (m == 0) {
            return d;
        }
        double[] a = new double[m * m];
        double[] l = new double[m * m];
        double[] b = new double[m];
        double lambda = 0;
        for (int attempt = 0; attempt < 40; attempt++) {
            boolean finite = true;
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    double v = h[free[r] * n + free[c]];
                    finite &= Double.isFinite(v);
                    a[r * m + c] = v;
                }
                a[r * m + r] += lambda * Math.max(Math.abs(a[r * m + r]), 1e-12);
                b[r] = -g[free[r]];
            }
            if (finite && Cholesky.factor(a, m, l)) {
                Cholesky.solve(l, m, b);
                double descent = 0;
                for (int r = 0; r < m; r++) {
                    descent += b[r] * g[free[r]];
                }
                if (descent < 0) {
                    for (int r = 0; r < m; r++) {
                        d[free[r]] = b[r];
                    }
                    return d;
                }
            }
            lambda = lambda == 0 ? 1e-6 : 10 * lambda;
            if (!finite) {
                break;
            }
        }
        // no usable curvature: steepest descent, scaled by the diagonal where it is positive
        for (int r = 0; r < m; r++) {
            int j = free[r];
            double hjj = h[j * n + j];
            d[j] = -g[j] / (Double.isFinite(hjj) && hjj > 0 ? hjj : 1);
        }
        return d;
    }

    /** Whether the projected gradient is at the rounding level of the objective. */
    private static boolean stationary(double[] g, boolean[] held, double[] x, double[] scale, int n, double fx) {
        double largest = 0;
        for (int j = 0; j < n; j++) {
            if (!held[j]) {
                largest = Math.max(largest, Math.abs(g[j]) * Math.max(Math.abs(x[j]), scale[j]));
            }
        }
        return largest <= 1e-8 * (1 + Math.abs(fx));
    }
}
