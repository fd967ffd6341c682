package org.alliancelab.meta.regression;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.Cholesky;
import org.alliancelab.meta.internal.EffectSizeChecks;
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
 *     leverage correction. Each coefficient's t statistic is referred to Student's t with
 *     Satterthwaite degrees of freedom: with {@code c} the coefficient's unit vector and
 *     {@code g_j = A_j W_j X_j M c}, the robust variance is {@code c'Vc = sum_j (g_j'e_j)^2}, a
 *     quadratic form in the residuals, whose covariance under the working model is
 *     {@code Omega = T - X M X'}; with {@code P_jk = g_j' Omega_jk g_k},
 *     {@code df = (sum_j P_jj)^2 / sum_j sum_k P_jk^2} (Bell &amp; McCaffrey 2002, Survey
 *     Methodology 28:169; Tipton 2015, doi:10.1037/met0000011; Pustejovsky &amp; Tipton 2018,
 *     doi:10.1080/07350015.2016.1247004). Matches {@code clubSandwich::coef_test(fit, vcov =
 *     "CR2", cluster, test = "Satterthwaite")} and {@code conf_int}.</li>
 * </ul>
 * The bread is the model-based {@code (X'WX)^-1}, as for a fit with {@code test = "z"}.
 * Intervals are {@code b -/+ t_(df, (1 + level)/2) SE}.
 *
 * <p><b>Edge cases.</b>
 * <ul>
 * <li>Fewer than 2 clusters, and for CR1 no more clusters than coefficients (m - p &lt;= 0 df),
 *     are an {@link IllegalArgumentException}, as in {@code metafor::robust}. CR2 with
 *     m &lt;= p is computed, as {@code clubSandwich::coef_test} does ({@code metafor::robust}
 *     refuses it).</li>
 * <li>A cluster whose {@code T_j - X_j M X_j'} (that is, {@code (I - H_jj) T_j}) is singular,
 *     because it carries a coefficient alone, gets the Moore–Penrose inverse square root, as
 *     clubSandwich does: eigenvalues at or below 1e-12 once the weights are scaled by their
 *     mean (clubSandwich's cut-off and scaling, so the rule does not depend on the scale of
 *     the effect sizes) count as 0. A one-row cluster of leverage 1 gets {@code A_j = 0}; its
 *     residual is 0 anyway.</li>
 * <li>A coefficient whose robust variance is identically 0 (every cluster that informs it is
 *     fitted exactly, e.g. as many one-row clusters as coefficients) gets SE 0, t = b / 0, and
 *     NaN df, p value and interval, as clubSandwich (df NaN, p NA).</li>
 * </ul>
 *
 * <p>{@link #fitInterceptOnly} is the allocation-free form of the intercept-only model for
 * Monte Carlo loops; every fit runs the same code.
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
        if (vi.length != k || design.rows() != k || cluster.length != k) {
            throw new IllegalArgumentException("yi, vi, the design matrix and the clusters must have the same rows");
        }
        ClusterRobustWorkspace ws = new ClusterRobustWorkspace();
        compute(yi, vi, k, tau2, design, new WeightedLeastSquares(design), cluster, ws);
        int p = design.columns();
        List<RobustCoefficient> out = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            out.add(ws.coefficient(j, design.names().get(j)));
        }
        return new ClusterRobustResult(estimator, ws.clusters, level, out);
    }

    /**
     * Cluster-robust inference on the coefficients of a fitted meta-regression: its residual
     * tau² sets the working model's weights ({@link #fit(double[], double[], double, DesignMatrix, int[])}
     * with {@code working.tau2()}). The estimates are the working model's, so equal the
     * meta-regression's; the test and level of {@code working} are not used (this inference's
     * level is).
     *
     * @param yi the effect sizes the meta-regression was fitted to
     * @param vi their sampling variances
     * @param design its model matrix
     * @param working the meta-regression fitted to yi, vi and design
     * @param cluster cluster label of each row (any integers; rows need not be sorted)
     * @return the coefficients with cluster-robust SEs, df, p values and intervals
     * @throws IllegalArgumentException when {@code working} has another number of studies or
     *     other coefficients than the design, and as the other {@code fit}
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException as the other {@code fit}
     * @throws InvalidModeratorException as the other {@code fit}
     */
    public ClusterRobustResult fit(double[] yi, double[] vi, DesignMatrix design, MetaRegressionResult working,
                                   int[] cluster) {
        List<String> names = new ArrayList<>(working.p());
        working.coefficients().forEach(c -> names.add(c.name()));
        if (working.k() != design.rows() || !names.equals(design.names())) {
            throw new IllegalArgumentException("the meta-regression (k = " + working.k() + ", coefficients " + names
                + ") was not fitted to this design (k = " + design.rows() + ", columns " + design.names() + ")");
        }
        return fit(yi, vi, working.tau2(), design, cluster);
    }

    /**
     * The intercept-only model (a pooled estimate) on the first k rows, into a reused
     * workspace: the allocation-free entry point for Monte Carlo loops. The same computation as
     * {@link #fit(double[], double[], double, DesignMatrix, int[])} with
     * {@code DesignMatrix.interceptOnly(k)}, to the last bit.
     *
     * @param yi effect sizes (at least k)
     * @param vi sampling variances (at least k)
     * @param k number of rows to use
     * @param tau2 the working model's between-study variance (0 for a common-effect model)
     * @param cluster cluster label of each row (at least k; any integers, need not be sorted)
     * @param out receives the result
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException naming the row when an
     *     effect size is not finite or a variance is not positive and finite
     * @throws IllegalArgumentException when k is not positive or exceeds an array's length, tau²
     *     is negative or not finite, or there are fewer than 2 clusters
     */
    public void fitInterceptOnly(double[] yi, double[] vi, int k, double tau2, int[] cluster,
                                 ClusterRobustWorkspace out) {
        if (k < 1 || k > yi.length || k > vi.length || k > cluster.length) {
            throw new IllegalArgumentException("k = " + k + " must be positive and at most the lengths of yi ("
                + yi.length + "), vi (" + vi.length + ") and cluster (" + cluster.length + ")");
        }
        if (out.intercept == null || out.intercept.rows() != k) {
            out.intercept = DesignMatrix.interceptOnly(k);
            out.interceptFit = new WeightedLeastSquares(out.intercept);
        }
        compute(yi, vi, k, tau2, out.intercept, out.interceptFit, cluster, out);
    }

    /**
     * The working model's fit and the sandwich on the first k rows, into {@code ws} (every fit's
     * one implementation). {@code ls} belongs to {@code design}, which has k rows.
     */
    private void compute(double[] yi, double[] vi, int k, double tau2, DesignMatrix design, WeightedLeastSquares ls,
                         int[] cluster, ClusterRobustWorkspace ws) {
        int p = design.columns();
        if (!(tau2 >= 0) || !Double.isFinite(tau2)) {
            throw new IllegalArgumentException("tau2 must be finite and non-negative, got " + tau2);
        }
        InvalidEffectSizeException invalid = EffectSizeChecks.firstInvalid(yi, vi, k);
        if (invalid != null) {
            throw invalid;
        }
        ws.startFit();
        ws.ensureModel(k, p);
        int m = group(cluster, k, ws);
        if (m < 2) {
            throw new IllegalArgumentException("cluster-robust inference needs at least 2 clusters, got " + m);
        }
        if (estimator == SandwichEstimator.CR1 && m <= p) {
            throw new IllegalArgumentException("CR1 needs more clusters (" + m + ") than coefficients (" + p + ")");
        }
        double[] w = ws.w;
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (vi[i] + tau2);
            sumW += w[i];
        }
        // clubSandwich scales the weights by their mean before its eigenvalue cut-off, which
        // scales G_j by that mean squared: the same cut-off on the unscaled G_j.
        double meanW = sumW / k;
        double tolerance = InverseSquareRoot.TOLERANCE / (meanW * meanW);
        ls.fit(yi, w);
        double[] x = design.data();
        double[] mInv = ls.ainv;
        Cholesky.factor(mInv, p, ws.lower);
        double[] meat = ws.meat;
        java.util.Arrays.fill(meat, 0, p * p, 0);
        java.util.Arrays.fill(ws.sumA, 0, p, 0);
        java.util.Arrays.fill(ws.sumA2, 0, p, 0);
        java.util.Arrays.fill(ws.sumAh2, 0, p, 0);
        java.util.Arrays.fill(ws.sumHH, 0, p * p * p, 0);
        double[] u = ws.u;
        double[] mu = ws.mu;
        for (int c = 0; c < m; c++) {
            int from = ws.start[c];
            int n = ws.start[c + 1] - from;
            ws.ensureCluster(n, p);
            double[] e = ws.e;
            // E_j = X_j' W_j A_j (p x n); CR1: A_j = I.
            plain(x, w, ws.order, from, n, p, estimator == SandwichEstimator.CR2 ? ws.xw : e);
            if (estimator == SandwichEstimator.CR2) {
                adjust(x, w, mInv, ws.order, from, n, p, tolerance, ws);
            }
            for (int a = 0; a < p; a++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += e[a * n + b] * ls.e[ws.order[from + b]];
                }
                u[a] = s;
            }
            for (int i = 0; i < p; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += mInv[i * p + j] * u[j];
                }
                mu[i] = s;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a * p + b] += mu[a] * mu[b];
                }
            }
            if (estimator == SandwichEstimator.CR2) {
                accumulateSatterthwaite(x, w, mInv, ws.order, from, n, p, ws);
            }
        }
        double scale = estimator == SandwichEstimator.CR1 ? (double) m / (m - p) : 1;
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(scale * meat[j * p + j]);
            double df;
            if (estimator == SandwichEstimator.CR1) {
                df = m - p;
            } else {
                double hh = 0;
                for (int a = 0; a < p * p; a++) {
                    hh += ws.sumHH[j * p * p + a] * ws.sumHH[j * p * p + a];
                }
                double trace = ws.sumA[j] - traceOf(ws.sumHH, j, p);
                double squares = ws.sumA2[j] - 2 * ws.sumAh2[j] + hh;
                df = trace * trace / squares;
            }
            ws.estimate[j] = ls.b[j];
            ws.se[j] = se;
            ws.statistic[j] = ls.b[j] / se;
            ws.df[j] = df;
        }
        ws.estimator = estimator;
        ws.level = level;
        ws.k = k;
        ws.p = p;
        ws.clusters = m;
    }

    private static double traceOf(double[] sumHH, int j, int p) {
        double s = 0;
        for (int a = 0; a < p; a++) {
            s += sumHH[j * p * p + a * p + a];
        }
        return s;
    }

    /**
     * Groups the first k rows by cluster into {@code ws.order} and {@code ws.start}: clusters in
     * order of their labels, rows in row order within a cluster; by sorting (label, row) pairs
     * packed in longs, so no boxing.
     *
     * @return the number of clusters
     */
    private static int group(int[] cluster, int k, ClusterRobustWorkspace ws) {
        long[] keys = ws.keys;
        for (int i = 0; i < k; i++) {
            keys[i] = ((long) cluster[i] << 32) | i;
        }
        java.util.Arrays.sort(keys, 0, k);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (i == 0 || (int) (keys[i] >> 32) != (int) (keys[i - 1] >> 32)) {
                ws.start[m++] = i;
            }
            ws.order[i] = (int) keys[i];
        }
        ws.start[m] = k;
        return m;
    }

    /** X_j' W_j of the n rows {@code order[from..]}, p x n row-major, into out. */
    private static void plain(double[] x, double[] w, int[] order, int from, int n, int p, double[] out) {
        for (int b = 0; b < n; b++) {
            int row = order[from + b];
            for (int a = 0; a < p; a++) {
                out[a * n + b] = x[row * p + a] * w[row];
            }
        }
    }

    /**
     * E_j = X_j' W_j A_j with the CR2 adjustment into {@code ws.e}, from X_j' W_j in
     * {@code ws.xw}; p x n row-major.
     */
    private static void adjust(double[] x, double[] w, double[] mInv, int[] order, int from, int n, int p,
                               double tolerance, ClusterRobustWorkspace ws) {
        double[] root = ws.root;
        double[] g = ws.g;
        for (int a = 0; a < n; a++) {
            root[a] = Math.sqrt(1 / w[order[from + a]]);
        }
        // G = T^(1/2) (T - X_j M X_j') T^(1/2)
        for (int a = 0; a < n; a++) {
            int ra = order[from + a];
            for (int b = 0; b < n; b++) {
                int rb = order[from + b];
                double xmx = 0;
                for (int c = 0; c < p; c++) {
                    double s = 0;
                    for (int d = 0; d < p; d++) {
                        s += mInv[c * p + d] * x[rb * p + d];
                    }
                    xmx += x[ra * p + c] * s;
                }
                double t = a == b ? 1 / w[ra] : 0;
                g[a * n + b] = root[a] * (t - xmx) * root[b];
            }
        }
        double[] gInvRoot = ws.gInvRoot;
        InverseSquareRoot.of(g, n, tolerance, ws.eigenvectors, gInvRoot);
        // A = T^(1/2) G^(-1/2) T^(1/2); E = X_j' W_j A
        double[] xw = ws.xw;
        double[] e = ws.e;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += xw[a * n + c] * root[c] * gInvRoot[c * n + b] * root[b];
                }
                e[a * n + b] = s;
            }
        }
    }

    /**
     * Adds cluster j's terms of the Satterthwaite df of every coefficient i:
     * {@code a_j = |row i of M E_j T_j^(1/2)|^2} and {@code h_j = row i of M E_j X_j L} with
     * {@code L L' = M}, so that {@code P_jk = delta_jk a_j - h_j . h_k} (clubSandwich's
     * {@code get_GH} and {@code get_P_array} for an inverse-variance working model).
     */
    private static void accumulateSatterthwaite(double[] x, double[] w, double[] mInv, int[] order, int from, int n,
                                                int p, ClusterRobustWorkspace ws) {
        double[] e = ws.e;
        double[] me = ws.me;
        double[] mex = ws.mex;
        double[] lower = ws.lower;
        double[] h = ws.h;
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
        for (int i = 0; i < p; i++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += me[i * n + b] * x[order[from + b] * p + c];
                }
                mex[i * p + c] = s;
            }
        }
        for (int i = 0; i < p; i++) {
            double a = 0;
            for (int b = 0; b < n; b++) {
                a += me[i * n + b] * me[i * n + b] / w[order[from + b]];
            }
            double h2 = 0;
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int d = c; d < p; d++) {
                    s += mex[i * p + d] * lower[d * p + c];
                }
                h[c] = s;
                h2 += s * s;
            }
            ws.sumA[i] += a;
            ws.sumA2[i] += a * a;
            ws.sumAh2[i] += a * h2;
            for (int c = 0; c < p; c++) {
                for (int d = 0; d < p; d++) {
                    ws.sumHH[i * p * p + c * p + d] += h[c] * h[d];
                }
            }
        }
    }
}
