package org.alliancelab.meta.iv;

/**
 * The Wald / two-stage least squares (2SLS) estimate of the effect of an exposure X on an
 * outcome Y with one instrument Z, from a study's summary statistics: the sample size and the
 * sample variances and covariances of Z, X and Y (divisor n - 1; any common divisor gives the
 * same estimates, only n enters the degrees of freedom).
 *
 * <p>With intercepts in every regression, s the sample covariances and {@code S_zz = (n - 1) s_zz}:
 * <ul>
 * <li>intention to treat (reduced form): {@code b_zy = s_zy / s_zz},
 *     SE<sup>2</sup> = {@code (n - 1)(s_yy - b_zy s_zy) / ((n - 2) S_zz)};</li>
 * <li>first stage: {@code b_zx = s_zx / s_zz}, SE<sup>2</sup> =
 *     {@code (n - 1)(s_xx - b_zx s_zx) / ((n - 2) S_zz)}, and
 *     {@code F = b_zx^2 / SE^2 = r_zx^2 (n - 2) / (1 - r_zx^2)} on 1 and n - 2 df;</li>
 * <li>the IV estimate {@code beta = b_zy / b_zx = s_zy / s_zx} (the Wald ratio, identical to
 *     2SLS with one instrument);</li>
 * <li>its variance, the 2SLS asymptotic variance with the structural residual
 *     {@code u = Y - beta X}: {@code Var(beta) = sigma_u^2 / (S_zz b_zx^2) = sigma_u^2 s_zz / ((n - 1) s_zx^2)},
 *     {@code sigma_u^2 = (n - 1)(s_yy - 2 beta s_xy + beta^2 s_xx) / (n - 2)}: the
 *     {@code [(X'P_Z X)^-1]} entry of the slope times sigma_u<sup>2</sup>, what R's
 *     {@code AER::ivreg} and Stata's {@code ivregress 2sls} report (residual df n - 2;
 *     Wooldridge 2010, Econometric Analysis of Cross Section and Panel Data, 2nd ed., MIT Press,
 *     section 5.2.1, eq. 5.27; Angrist &amp; Pischke 2009, Mostly Harmless Econometrics,
 *     section 4.1).</li>
 * </ul>
 *
 * <p><b>Delta method.</b> The ratio's delta-method variance from the two OLS slopes, whose
 * sampling covariance is {@code s_e1e2 / S_zz} (same regressor), is
 * {@code (Var(b_zy) - 2 beta Cov(b_zy, b_zx) + beta^2 Var(b_zx)) / b_zx^2
 * = Var(e_1 - beta e_2) / (S_zz b_zx^2)} with the residuals {@code e_1 = Y - b_zy Z},
 * {@code e_2 = X - b_zx Z}; since {@code b_zy = beta b_zx}, {@code e_1 - beta e_2 = Y - beta X = u}
 * (up to the intercept), so with the same n - 2 df the delta-method variance is the 2SLS variance
 * exactly, not only asymptotically (checked in {@code InstrumentalVariableTest}). The slopes'
 * covariance {@code Cov(b_zy, b_zx) = (n - 1)(s_xy - b_zx s_zy) / ((n - 2) S_zz)} is reported too:
 * {@link PooledWaldRatio} needs it for the variance of {@code b_zy - b b_zx}.
 *
 * <p>Edge cases: n &lt; 3 (no residual df), a non-positive or non-finite variance or a
 * non-finite covariance are {@link IllegalArgumentException}s; {@code s_zx = 0} (no first
 * stage) is an {@link ArithmeticException}. A weak first stage (small F, e.g. below 10, Staiger
 * &amp; Stock 1997, Econometrica 65:557, doi:10.2307/2171753) gives an estimate biased towards
 * the ordinary regression slope and a normal approximation that is poor; the F says how weak.
 */
public final class InstrumentalVariable {

    private InstrumentalVariable() {
    }

    /**
     * @param n sample size, at least 3
     * @param varZ sample variance of the instrument, positive
     * @param covZX sample covariance of instrument and exposure, not zero
     * @param covZY sample covariance of instrument and outcome
     * @param varX sample variance of the exposure, positive
     * @param covXY sample covariance of exposure and outcome
     * @param varY sample variance of the outcome, positive
     * @return the estimates
     * @throws IllegalArgumentException for n &lt; 3 or an invalid (co)variance
     * @throws ArithmeticException when {@code covZX} is zero
     */
    public static InstrumentalVariableResult of(long n, double varZ, double covZX, double covZY,
                                                double varX, double covXY, double varY) {
        if (n < 3) {
            throw new IllegalArgumentException("the IV analysis needs n >= 3, got " + n);
        }
        requirePositive(varZ, "variance of the instrument");
        requirePositive(varX, "variance of the exposure");
        requirePositive(varY, "variance of the outcome");
        requireFinite(covZX, "covariance of instrument and exposure");
        requireFinite(covZY, "covariance of instrument and outcome");
        requireFinite(covXY, "covariance of exposure and outcome");
        if (covZX == 0) {
            throw new ArithmeticException("the instrument's covariance with the exposure is zero: no first stage");
        }
        double df = n - 2.0;
        double szz = (n - 1.0) * varZ;
        double itt = covZY / varZ;
        double first = covZX / varZ;
        // (n - 1) s_yy - b S_zy: the residual sum of squares of each regression on Z.
        double ittResidual = Math.max(0, (n - 1.0) * (varY - itt * covZY)) / df;
        double firstResidual = Math.max(0, (n - 1.0) * (varX - first * covZX)) / df;
        double ittSe = Math.sqrt(ittResidual / szz);
        double firstSe = Math.sqrt(firstResidual / szz);
        double f = first * first / (firstResidual / szz);
        double beta = covZY / covZX;
        double structural = Math.max(0, (n - 1.0) * (varY - 2 * beta * covXY + beta * beta * varX)) / df;
        double se = Math.sqrt(structural / (szz * first * first));
        // sum of e_1 e_2 = S_xy - b_zx S_zy: the two slopes share their regressor
        double slopeCovariance = (n - 1.0) * (covXY - first * covZY) / df / szz;
        return new InstrumentalVariableResult(n, itt, ittSe, first, firstSe, f, beta, se, slopeCovariance);
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
