package org.alliancelab.meta.regression;

import org.alliancelab.meta.internal.TailProbabilities;

/**
 * Mutable output and scratch space of
 * {@link ClusterRobustInference#fitInterceptOnly(double[], double[], int, double, int[], ClusterRobustWorkspace)},
 * the entry point for Monte Carlo loops: a caller keeps one workspace per thread and reads the
 * intercept's inference after each fit. The fit allocates nothing once the workspace has seen
 * the number of studies and the largest cluster (it keeps the intercept-only design of the last
 * k); the p value and the interval are evaluated when read (the Student t quantile at a
 * non-integer df allocates inside Commons Statistics). The same code fits every model: the
 * general {@link ClusterRobustInference#fit} runs on a fresh workspace. After a fit that threw,
 * the contents are undefined until the next fit. Not thread-safe; use {@link #toCoefficient()}
 * for an immutable copy.
 */
public final class ClusterRobustWorkspace {
    // The last fit's results, one entry per coefficient (only the intercept for the public reads).
    SandwichEstimator estimator;
    double level;
    int k;
    int p;
    int clusters;
    double[] estimate = new double[0];
    double[] se = new double[0];
    double[] statistic = new double[0];
    double[] df = new double[0];
    /** The intercept's t quantile, evaluated on the first read of an interval bound (NaN: not yet). */
    private double interceptCritical = Double.NaN;

    // Weights 1/(v + tau^2) and the rows grouped by cluster: the rows of cluster c are
    // order[start[c]] .. order[start[c + 1] - 1], in row order.
    double[] w = new double[0];
    long[] keys = new long[0];
    int[] order = new int[0];
    int[] start = new int[1];

    // The intercept-only design of the last k and its least-squares scratch.
    DesignMatrix intercept;
    WeightedLeastSquares interceptFit;

    // Per-cluster scratch (n rows, p coefficients): E_j = X_j'W_j A_j (p x n), X_j'W_j (p x n),
    // M E_j (p x n), M E_j X_j (p x p), T_j^(1/2) (n), G_j and its eigenvectors and G_j^(-1/2)
    // (n x n), and p-vectors.
    double[] e = new double[0];
    double[] xw = new double[0];
    double[] me = new double[0];
    double[] mex = new double[0];
    double[] root = new double[0];
    double[] g = new double[0];
    double[] eigenvectors = new double[0];
    double[] gInvRoot = new double[0];
    double[] u = new double[0];
    double[] mu = new double[0];
    double[] h = new double[0];

    // Sums over clusters: the meat (p x p), and per coefficient i the Satterthwaite sums
    // sum_j a_j, sum_j a_j^2, sum_j a_j |h_j|^2 (p each) and sum_j h_j h_j' (p x p x p);
    // the lower Cholesky factor of M (p x p).
    double[] meat = new double[0];
    double[] sumA = new double[0];
    double[] sumA2 = new double[0];
    double[] sumAh2 = new double[0];
    double[] sumHH = new double[0];
    double[] lower = new double[0];

    /** Creates an empty workspace. */
    public ClusterRobustWorkspace() {
        // arrays grow on the first fits
    }

    /** Marks the start of a fit: the cached quantile belongs to the previous one. */
    void startFit() {
        interceptCritical = Double.NaN;
    }

    /** Sizes the per-study and per-coefficient arrays for k rows and p coefficients. */
    void ensureModel(int rows, int coefficients) {
        if (w.length < rows) {
            w = new double[rows];
            keys = new long[rows];
            order = new int[rows];
            start = new int[rows + 1];
        }
        if (estimate.length < coefficients) {
            estimate = new double[coefficients];
            se = new double[coefficients];
            statistic = new double[coefficients];
            df = new double[coefficients];
            u = new double[coefficients];
            mu = new double[coefficients];
            h = new double[coefficients];
            sumA = new double[coefficients];
            sumA2 = new double[coefficients];
            sumAh2 = new double[coefficients];
            meat = new double[coefficients * coefficients];
            lower = new double[coefficients * coefficients];
            mex = new double[coefficients * coefficients];
            sumHH = new double[coefficients * coefficients * coefficients];
        }
    }

    /** Sizes the per-cluster arrays for a cluster of n rows (after {@link #ensureModel}). */
    void ensureCluster(int n, int coefficients) {
        if (root.length < n || e.length < coefficients * n) {
            int rows = Math.max(n, root.length);
            e = new double[coefficients * rows];
            xw = new double[coefficients * rows];
            me = new double[coefficients * rows];
            root = new double[rows];
            g = new double[rows * rows];
            eigenvectors = new double[rows * rows];
            gInvRoot = new double[rows * rows];
        }
    }

    /** @return number of studies (rows) of the last fit */
    public int k() {
        return k;
    }

    /** @return number of clusters m of the last fit */
    public int clusters() {
        return clusters;
    }

    /** @return the small-sample correction of the last fit */
    public SandwichEstimator estimator() {
        return estimator;
    }

    /** @return the confidence level of the last fit's interval */
    public double confidenceLevel() {
        return level;
    }

    /** @return the working model's estimate of the intercept (the weighted mean) */
    public double estimate() {
        return estimate[0];
    }

    /** @return its cluster-robust standard error */
    public double se() {
        return se[0];
    }

    /** @return estimate / SE */
    public double statistic() {
        return statistic[0];
    }

    /**
     * @return degrees of freedom: m - 1 for CR1, Satterthwaite's for CR2 (NaN when the robust
     *     variance is identically 0; see {@link ClusterRobustInference})
     */
    public double df() {
        return df[0];
    }

    /** @return two-sided p value on {@link #df()}, evaluated on demand (NaN when df is NaN) */
    public double pValue() {
        return pValue(0);
    }

    /**
     * @return lower confidence bound, evaluated on demand (the t quantile once per fit for both
     *     bounds; NaN when df is NaN)
     */
    public double ciLower() {
        return estimate[0] - interceptCritical() * se[0];
    }

    /** @return upper confidence bound, evaluated on demand (NaN when df is NaN) */
    public double ciUpper() {
        return estimate[0] + interceptCritical() * se[0];
    }

    private double interceptCritical() {
        if (Double.isNaN(interceptCritical)) {
            interceptCritical = critical(0);
        }
        return interceptCritical;
    }

    /** @return an immutable copy of the intercept's inference, named {@value DesignMatrix#INTERCEPT} */
    public RobustCoefficient toCoefficient() {
        return coefficient(0, DesignMatrix.INTERCEPT);
    }

    /** Coefficient j of the last fit, p value and interval evaluated once. */
    RobustCoefficient coefficient(int j, String name) {
        double crit = critical(j);
        return new RobustCoefficient(name, estimate[j], se[j], statistic[j], df[j], pValue(j),
            estimate[j] - crit * se[j], estimate[j] + crit * se[j]);
    }

    private double pValue(int j) {
        return df[j] > 0 ? TailProbabilities.studentTwoSided(statistic[j], df[j]) : Double.NaN;
    }

    private double critical(int j) {
        return df[j] > 0 ? TailProbabilities.studentCritical(level, df[j]) : Double.NaN;
    }
}
