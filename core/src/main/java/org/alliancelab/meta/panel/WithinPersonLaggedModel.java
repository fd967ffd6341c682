package org.alliancelab.meta.panel;

/**
 * The within-person lagged effect: the linear mixed model
 * <pre>
 *   y_i,t+1 = b0 + b1 (x_it - xbar_i) + b2 (y_it - ybar_i) + u_i + e_it,
 *   u_i ~ N(0, tau^2), e_it ~ N(0, sigma^2),
 * </pre>
 * with the predictors centred at each person's mean over the m lagged rows, fitted by REML
 * (R: {@code lmer(y_next ~ xc + yc + (1 | id), REML = TRUE)}), in closed form.
 *
 * <p><b>Closed form.</b> For a balanced panel the centred predictors sum to zero within every
 * person, so V_i^-1 X_i = X_i / sigma^2 for the compound-symmetric V_i = sigma^2 I + tau^2 J:
 * the generalized least-squares slopes are the within estimator b = W_pp^-1 W_py whatever
 * tau^2, and b0 is the grand mean of y_t+1. The restricted log-likelihood separates into a
 * within part in sigma^2 and a between part in lambda = sigma^2 + m tau^2:
 * <pre>
 *   -2 l_R = (n (m - 1) - 2) log sigma^2 + RSS_W / sigma^2 + (n - 1) log lambda + m B_yy / lambda,
 * </pre>
 * RSS_W = W_yy - b' W_py, maximized at sigma^2 = RSS_W / (n (m - 1) - 2) and
 * lambda = m B_yy / (n - 1), tau^2 = (lambda - sigma^2) / m. When that is negative, REML's
 * maximum is at tau^2 = 0 ({@link WithinPersonFit#boundary()}): sigma^2 = (RSS_W + m B_yy) / (n m - 3).
 * SE(b_j) = sqrt(sigma^2 [W_pp^-1]_jj), SE(b0) = sqrt(lambda / (n m)) (lambda = sigma^2 at the
 * boundary). These are lme4's estimates to its optimizer's tolerance (PanelReferenceTest).
 *
 * <p><b>Nickell bias.</b> Centring at the person mean over a short panel correlates the centred
 * lagged outcome with the error (the mean contains later errors): the within estimator of the
 * carry-over b2 is biased downward by about (1 + a_y) / (m - 1) (Nickell 1981, Econometrica
 * 49(6), 1417-1426, doi:10.2307/1911408), and through the correlation of the predictors b1 is
 * biased too, both of order 1/T. The simulator reports this bias against the population
 * cross-lagged effect rather than correcting it.
 */
public final class WithinPersonLaggedModel {
    private WithinPersonLaggedModel() {
    }

    /** @return the REML estimator */
    public static WithinPersonLaggedModel of() {
        return new WithinPersonLaggedModel();
    }

    /**
     * @param s a study's panel statistics
     * @return the REML fit
     * @throws ArithmeticException when the centred predictors are collinear or no within
     *     residual df remain
     */
    public WithinPersonFit fit(PanelStatistics s) {
        int n = s.persons();
        int m = s.rowsPerPerson();
        int dfWithin = n * (m - 1) - 2;
        if (dfWithin < 1) {
            throw new ArithmeticException("no within-person residual degrees of freedom (n = " + n + ", m = " + m + ")");
        }
        LaggedSlopes b = LaggedSlopes.of(s::withinAt);
        double sigma2 = b.residual() / dfWithin;
        double between = m * s.betweenAt(2, 2);
        double lambda = between / (n - 1);
        boolean boundary = lambda < sigma2;
        double tau2;
        if (boundary) {
            sigma2 = (b.residual() + between) / (n * m - 3);
            lambda = sigma2;
            tau2 = 0;
        } else {
            tau2 = (lambda - sigma2) / m;
        }
        return new WithinPersonFit(s.meanAt(2), Math.sqrt(lambda / (n * (double) m)), b.exposure(),
            Math.sqrt(sigma2 * b.inverseXX()), b.carryOver(), Math.sqrt(sigma2 * b.inverseYY()), tau2, sigma2, boundary);
    }
}
