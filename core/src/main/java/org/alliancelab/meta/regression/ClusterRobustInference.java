package org.alliancelab.meta.regression;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.RandomEffectsModel;

/**
 * Cluster-robust inference for a (random-effects) meta-regression whose effect sizes are
 * dependent within clusters (e.g. several estimates from one study): the coefficients of the
 * working model, with a sandwich variance that does not trust the model's variances.
 *
 * <p><b>Working model.</b> {@code b = M X'W y}, {@code M = (X'WX)^-1},
 * {@code W = diag(1 / (v_i + tau^2))} with the caller's tau² (0 for a common-effect model),
 * residuals {@code e = y - X b}: the fit of {@code metafor::rma.uni(yi, vi, mods, method)}.
 * For clusters j = 1..m with rows {@code X_j, W_j, e_j}:
 * <ul>
 * <li>{@link SandwichEstimator#CR1}: {@code V = m / (m - p) M (sum_j X_j'W_j e_j e_j'W_j X_j) M},
 *     t on m - p df ({@code metafor::robust(fit, cluster, adjust = TRUE)});</li>
 * <li>{@link SandwichEstimator#CR2}: {@code V = M (sum_j X_j'W_j A_j e_j e_j'A_j W_j X_j) M}
 *     with the adjustment {@code A_j = T_j^(1/2) [T_j^(1/2) (T_j - X_j M X_j') T_j^(1/2)]^(-1/2)
 *     T_j^(1/2)}, {@code T_j = W_j^-1} the working model's variances (clubSandwich's default
 *     target for an inverse-variance weighted {@code rma.uni}), which makes V unbiased when the
 *     working model is right; for one row per cluster {@code A_j = (1 - h_jj)^(-1/2)}, the HC2
 *     leverage correction. Each coefficient's t statistic is referred to Student's t with the
 *     Satterthwaite degrees of freedom {@code df = (sum_j P_jj)^2 / sum_jk P_jk^2},
 *     {@code P_jk = g_j' T g_k} with {@code g_j} the contribution of cluster j's residuals to
 *     {@code c'V c} written as a linear form in the errors (Bell &amp; McCaffrey 2002, Survey
 *     Methodology 28:169; Tipton 2015, doi:10.1037/met0000011; Pustejovsky &amp; Tipton 2018,
 *     doi:10.1080/07350015.2016.1247004). Matches {@code clubSandwich::coef_test(fit, vcov =
 *     "CR2", cluster, test = "Satterthwaite")} and {@code conf_int}.</li>
 * </ul>
 * The bread is the model-based {@code (X'WX)^-1}, as for a fit with {@code test = "z"}.
 *
 * <p><b>Edge cases.</b> Fewer than 2 clusters, or for CR1 no more clusters than coefficients,
 * is an {@link IllegalArgumentException}. A cluster whose {@code T_j - X_j M X_j'} is singular
 * (it carries a coefficient alone, leverage 1) gets the Moore–Penrose inverse square root, as
 * clubSandwich does, so its residuals (then 0) contribute nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClusterRobustInference {
    private final SandwichEstimator estimator;
    private final double level;

    private ClusterRobustInference(SandwichEstimator estimator, double level) {
        this.estimator = estimator;
        this.level = level;
    }

    /**
     * @param estimator the small-sample correction
     * @return the inference at confidence level {@value RandomEffectsModel#DEFAULT_LEVEL}
     */
    public static ClusterRobustInference of(SandwichEstimator estimator) {
        return new ClusterRobustInference(estimator, RandomEffectsModel.DEFAULT_LEVEL);
    }

    /**
     * @param newLevel confidence level in (0, 1)
     * @return a copy with that level
     * @throws IllegalArgumentException when the level is outside (0, 1)
     */
    public ClusterRobustInference withConfidenceLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + newLevel);
        }
        return new ClusterRobustInference(estimator, newLevel);
    }

    /** @return the small-sample correction */
    public SandwichEstimator estimator() {
        return estimator;
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @param tau2 the working model's between-study variance (e.g. the REML estimate; 0 for a
     *     common-effect model)
     * @param design the model matrix, one row per effect size
     * @param cluster cluster label of each row (any integers; rows need not be sorted)
     * @return the coefficients with cluster-robust SEs, df, p values and intervals
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException naming the row when an
     *     effect size is not finite or a variance is not positive and finite
     * @throws InvalidModeratorException when the moderators are collinear
     * @throws IllegalArgumentException when the lengths differ, tau² is negative or not finite,
     *     or there are too few clusters (see the class comment)
     */
    public ClusterRobustResult fit(double[] yi, double[] vi, double tau2, DesignMatrix design, int[] cluster) {
        int k = yi.length;
        int p = design.columns();
        if (vi.length != k || design.rows() != k || cluster.length != k) {
            throw new IllegalArgumentException("yi, vi, the design matrix and the clusters must have the same rows");
        }
        if (!(tau2 >= 0) || !Double.isFinite(tau2)) {
            throw new IllegalArgumentException("tau2 must be finite and non-negative, got " + tau2);
        }
        EffectSizeChecks.requireValid(yi, vi);
        int[][] rows = group(cluster);
        int m = rows.length;
        if (m < 2) {
            throw new IllegalArgumentException("cluster-robust inference needs at least 2 clusters, got " + m);
        }
        if (estimator == SandwichEstimator.CR1 && m <= p) {
            throw new IllegalArgumentException("CR1 needs more clusters (" + m + ") than coefficients (" + p + ")");
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (vi[i] + tau2);
        }
        WeightedLeastSquares ls = new WeightedLeastSquares(design);
        ls.fit(yi, w);
        double[] x = design.data();
        double[] mInv = ls.ainv;
        double[] lower = cholesky(mInv, p);
        double[] meat = new double[p * p];
        // Per coefficient: sum_j a_j, sum_j a_j^2, sum_j a_j |h_j|^2, sum_j h_j h_j' (p x p).
        double[] sumA = new double[p];
        double[] sumA2 = new double[p];
        double[] sumAh2 = new double[p];
        double[] sumHH = new double[p * p * p];
        for (int[] r : rows) {
            int n = r.length;
            // E_j = X_j' W_j A_j (p x n); CR1: A_j = I.
            double[] e = estimator == SandwichEstimator.CR2 ? adjusted(x, w, mInv, r, p) : plain(x, w, r, p);
            double[] u = new double[p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < n; b++) {
                    u[a] += e[a * n + b] * ls.e[r[b]];
                }
            }
            double[] mu = multiply(mInv, u, p);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a * p + b] += mu[a] * mu[b];
                }
            }
            if (estimator == SandwichEstimator.CR2) {
                accumulateSatterthwaite(x, w, mInv, lower, e, r, p, sumA, sumA2, sumAh2, sumHH);
            }
        }
        double scale = estimator == SandwichEstimator.CR1 ? (double) m / (m - p) : 1;
        List<RobustCoefficient> out = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(scale * meat[j * p + j]);
            double df;
            if (estimator == SandwichEstimator.CR1) {
                df = m - p;
            } else {
                double hh = 0;
                for (int a = 0; a < p * p; a++) {
                    hh += sumHH[j * p * p + a] * sumHH[j * p * p + a];
                }
                double trace = sumA[j] - traceOf(sumHH, j, p);
                double squares = sumA2[j] - 2 * sumAh2[j] + hh;
                df = trace * trace / squares;
            }
            double b = ls.b[j];
            double t = b / se;
            double crit = TailProbabilities.studentCritical(level, df);
            out.add(new RobustCoefficient(design.names().get(j), b, se, t, df, TailProbabilities.studentTwoSided(t, df),
                b - crit * se, b + crit * se));
        }
        return new ClusterRobustResult(estimator, m, level, out);
    }

    private static double traceOf(double[] sumHH, int j, int p) {
        double s = 0;
        for (int a = 0; a < p; a++) {
            s += sumHH[j * p * p + a * p + a];
        }
        return s;
    }

    /**
     * Rows of each cluster (in row order within a cluster), clusters in order of their labels;
     * by sorting (label, row) pairs packed in longs, so no boxing: the simulator calls this per
     * replication.
     */
    private static int[][] group(int[] cluster) {
        int k = cluster.length;
        long[] keys = new long[k];
        for (int i = 0; i < k; i++) {
            keys[i] = ((long) cluster[i] << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (i == 0 || (int) (keys[i] >> 32) != (int) (keys[i - 1] >> 32)) {
                m++;
            }
        }
        int[][] out = new int[m][];
        int start = 0;
        int c = 0;
        for (int i = 1; i <= k; i++) {
            if (i == k || (int) (keys[i] >> 32) != (int) (keys[i - 1] >> 32)) {
                int[] rows = new int[i - start];
                for (int r = start; r < i; r++) {
                    rows[r - start] = (int) keys[r];
                }
                out[c++] = rows;
                start = i;
            }
        }
        return out;
    }

    /** X_j' W_j, p x n row-major. */
    private static double[] plain(double[] x, double[] w, int[] r, int p) {
        int n = r.length;
        double[] e = new double[p * n];
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < p; a++) {
                e[a * n + b] = x[r[b] * p + a] * w[r[b]];
            }
        }
        return e;
    }

    /** X_j' W_j A_j with the CR2 adjustment, p x n row-major. */
    private static double[] adjusted(double[] x, double[] w, double[] mInv, int[] r, int p) {
        int n = r.length;
        double[] root = new double[n];
        for (int a = 0; a < n; a++) {
            root[a] = Math.sqrt(1 / w[r[a]]);
        }
        // G = T^(1/2) (T - X_j M X_j') T^(1/2)
        double[] g = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double xmx = 0;
                for (int c = 0; c < p; c++) {
                    double s = 0;
                    for (int d = 0; d < p; d++) {
                        s += mInv[c * p + d] * x[r[b] * p + d];
                    }
                    xmx += x[r[a] * p + c] * s;
                }
                double t = a == b ? 1 / w[r[a]] : 0;
                g[a * n + b] = root[a] * (t - xmx) * root[b];
            }
        }
        double[] gInvRoot = InverseSquareRoot.of(g, n);
        // A = T^(1/2) G^(-1/2) T^(1/2); E = X_j' W_j A
        double[] xw = plain(x, w, r, p);
        double[] e = new double[p * n];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += xw[a * n + c] * root[c] * gInvRoot[c * n + b] * root[b];
                }
                e[a * n + b] = s;
            }
        }
        return e;
    }

    /**
     * Adds cluster j's terms of the Satterthwaite df of every coefficient i:
     * {@code a_j = |row i of M E_j T_j^(1/2)|^2} and {@code h_j = row i of M E_j X_j L} with
     * {@code L L' = M}, so that {@code P_jk = delta_jk a_j - h_j . h_k} (clubSandwich's
     * {@code get_GH} and {@code get_P_array} for an inverse-variance working model).
     */
    private static void accumulateSatterthwaite(double[] x, double[] w, double[] mInv, double[] lower, double[] e,
                                                int[] r, int p, double[] sumA, double[] sumA2, double[] sumAh2,
                                                double[] sumHH) {
        int n = r.length;
        double[] me = new double[p * n];
        for (int i = 0; i < p; i++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += mInv[i * p + c] * e[c * n + b];
                }
                me[i * n + b] = s;
            }
        }
        // MEX_j (p x p), then times L.
        double[] mex = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += me[i * n + b] * x[r[b] * p + c];
                }
                mex[i * p + c] = s;
            }
        }
        for (int i = 0; i < p; i++) {
            double a = 0;
            for (int b = 0; b < n; b++) {
                a += me[i * n + b] * me[i * n + b] / w[r[b]];
            }
            double[] h = new double[p];
            double h2 = 0;
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int d = c; d < p; d++) {
                    s += mex[i * p + d] * lower[d * p + c];
                }
                h[c] = s;
                h2 += s * s;
            }
            sumA[i] += a;
            sumA2[i] += a * a;
            sumAh2[i] += a * h2;
            for (int c = 0; c < p; c++) {
                for (int d = 0; d < p; d++) {
                    sumHH[i * p * p + c * p + d] += h[c] * h[d];
                }
            }
        }
    }

    /** Lower Cholesky factor of a symmetric positive definite p x p matrix, row-major. */
    private static double[] cholesky(double[] a, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
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
        return l;
    }

    private static double[] multiply(double[] a, double[] v, int p) {
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i] += a[i * p + j] * v[j];
            }
        }
        return out;
    }
}
