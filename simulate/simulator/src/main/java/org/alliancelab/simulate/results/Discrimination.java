package org.alliancelab.simulate.results;

import java.util.Arrays;

/**
 * How well a test statistic tells two simulated worlds apart: the area under the ROC curve,
 * {@code AUC = P(X < Y) + P(X = Y) / 2} for a replication's p value X in world A and Y in world
 * B (0.5: no better than a coin; 1 or 0: the p values of the two worlds never overlap), with
 * its Monte Carlo SE by DeLong, DeLong &amp; Clarke-Pearson (1988), Biometrics 44:837,
 * doi:10.2307/2531595: {@code Var = s10 / m + s01 / n} with {@code s10} the sample variance of
 * the placement values {@code V10_i = (1/n) sum_j psi(X_i, Y_j)} and {@code s01} that of
 * {@code V01_j = (1/m) sum_i psi(X_i, Y_j)}, {@code psi(x, y) = 1} for x &lt; y, 1/2 for a tie.
 *
 * @param auc the area, NaN when a world has fewer than two finite values
 * @param mcse its Monte Carlo SE
 * @param m finite values from world A
 * @param n finite values from world B
 */
public record Discrimination(double auc, double mcse, int m, int n) {

    /**
     * @param a the statistic's values in world A (NaN values, failed replications, are left out)
     * @param b the values in world B
     * @return the area under the ROC curve of "smaller in A" and its DeLong SE
     */
    public static Discrimination of(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(Double::isFinite).sorted().toArray();
        double[] y = Arrays.stream(b).filter(Double::isFinite).sorted().toArray();
        int m = x.length;
        int n = y.length;
        if (m < 2 || n < 2) {
            return new Discrimination(Double.NaN, Double.NaN, m, n);
        }
        // Placements by binary search on the sorted other sample: V10_i = (#y > x_i + #ties / 2) / n.
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            int below = lowerBound(y, x[i]);
            int notAbove = upperBound(y, x[i]);
            v10[i] = ((n - notAbove) + 0.5 * (notAbove - below)) / n;
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            int below = lowerBound(x, y[j]);
            int notAbove = upperBound(x, y[j]);
            v01[j] = (below + 0.5 * (notAbove - below)) / m;
        }
        double auc = mean(v10);
        double var = variance(v10, auc) / m + variance(v01, auc) / n;
        return new Discrimination(auc, Math.sqrt(var), m, n);
    }

    private static int lowerBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
