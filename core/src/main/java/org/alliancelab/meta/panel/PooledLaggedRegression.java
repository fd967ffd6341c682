package org.alliancelab.meta.panel;

/**
 * The naive lagged regression a panel study would report: ordinary least squares of
 * y_i,t+1 on x_it and y_it with an intercept, pooling all n m lagged rows as if they were
 * independent (R's {@code lm(y_next ~ x + y)}). From the statistics of {@link PanelStatistics},
 * the total cross-products about the grand mean are S = W + m B, the slopes
 * b = S_pp^-1 S_py (p = x, y), sigma^2 = (S_yy - b' S_py) / (n m - 3),
 * SE(b_j) = sqrt(sigma^2 [S_pp^-1]_jj) and SE(b0) = sqrt(sigma^2 (1/(n m) + mbar' S_pp^-1 mbar)).
 *
 * <p>It mixes between-person and within-person covariation: stable trait differences that
 * correlate (e.g. trait-like alliance and severity) bias b_x away from the within-person
 * effect however many persons are observed (Hamaker, Kuiper &amp; Grasman 2015,
 * doi:10.1037/a0038889).
 */
public final class PooledLaggedRegression {
    private PooledLaggedRegression() {
    }

    /** @return the estimator */
    public static PooledLaggedRegression of() {
        return new PooledLaggedRegression();
    }

    /**
     * @param s a study's panel statistics
     * @return the fit
     * @throws ArithmeticException when the predictors are collinear or no residual df remain
     */
    public LaggedRegressionFit fit(PanelStatistics s) {
        int m = s.rowsPerPerson();
        int rows = s.persons() * m;
        int df = rows - 3;
        if (df < 1) {
            throw new ArithmeticException("no residual degrees of freedom (" + rows + " rows)");
        }
        LaggedSlopes b = LaggedSlopes.of((i, j) -> s.withinAt(i, j) + m * s.betweenAt(i, j));
        double sigma2 = b.residual() / df;
        double sxx = s.withinAt(0, 0) + m * s.betweenAt(0, 0);
        double sxy = s.withinAt(0, 1) + m * s.betweenAt(0, 1);
        double syy = s.withinAt(1, 1) + m * s.betweenAt(1, 1);
        double det = sxx * syy - sxy * sxy;
        double mx = s.meanAt(0);
        double my = s.meanAt(1);
        double quad = (syy * mx * mx - 2 * sxy * mx * my + sxx * my * my) / det;
        double intercept = s.meanAt(2) - b.exposure() * mx - b.carryOver() * my;
        return new LaggedRegressionFit(intercept, Math.sqrt(sigma2 * (1.0 / rows + quad)), b.exposure(),
            Math.sqrt(sigma2 * b.inverseXX()), b.carryOver(), Math.sqrt(sigma2 * b.inverseYY()), sigma2, df);
    }
}
