package org.alliancelab.meta.pooling;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * Upper-tail probabilities computed from the special functions directly, so that a fit on the
 * hot path allocates no distribution objects:
 * <ul>
 *   <li>standard normal: P(Z &gt; z) = erfc(z/&radic;2)/2;</li>
 *   <li>chi-squared with &nu; df: P(X &gt; x) = Q(&nu;/2, x/2), the regularized upper incomplete
 *       gamma function;</li>
 *   <li>Student t with &nu; df, two-sided: P(|T| &gt; t) = I<sub>&nu;/(&nu;+t<sup>2</sup>)</sub>(&nu;/2, 1/2),
 *       the regularized incomplete beta function.</li>
 * </ul>
 */
final class TailProbabilities {

    private static final double SQRT2 = Math.sqrt(2);

    private TailProbabilities() {
    }

    /** @return P(|Z| &gt; |z|) for standard normal Z */
    static double normalTwoSided(double z) {
        return Erfc.value(Math.abs(z) / SQRT2);
    }

    /** @return P(X &gt; x) for X chi-squared with df degrees of freedom */
    static double chiSquaredUpper(double x, int df) {
        if (x <= 0) {
            return 1;
        }
        return RegularizedGamma.Q.value(0.5 * df, 0.5 * x);
    }

    /** @return P(|T| &gt; |t|) for T Student t with df degrees of freedom */
    static double studentTwoSided(double t, int df) {
        double x = df / (df + t * t);
        return RegularizedBeta.value(x, 0.5 * df, 0.5);
    }
}
