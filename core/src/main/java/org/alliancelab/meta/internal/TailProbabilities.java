package org.alliancelab.meta.internal;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The tail probabilities and two-sided critical values of the core's tests, in one place. The
 * probabilities come from the special functions directly, so that a fit on the hot path
 * allocates no distribution objects:
 * <ul>
 *   <li>standard normal: P(|Z| &gt; |z|) = erfc(|z|/&radic;2);</li>
 *   <li>chi-squared with &nu; df: P(X &gt; x) = Q(&nu;/2, x/2), the regularized upper incomplete
 *       gamma function;</li>
 *   <li>Student t with &nu; df, two-sided: P(|T| &gt; t) = I<sub>&nu;/(&nu;+t<sup>2</sup>)</sub>(&nu;/2, 1/2),
 *       the regularized incomplete beta function.</li>
 * </ul>
 * The critical values are the (1 + level)/2 quantiles, from Commons Statistics.
 */
public final class TailProbabilities {

    private static final double SQRT2 = Math.sqrt(2);
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TailProbabilities() {
    }

    /**
     * @param z the statistic
     * @return P(|Z| &gt; |z|) for standard normal Z
     */
    public static double normalTwoSided(double z) {
        return Erfc.value(Math.abs(z) / SQRT2);
    }

    /**
     * @param x the statistic
     * @param df degrees of freedom, positive
     * @return P(X &gt; x) for X chi-squared with df degrees of freedom (1 for x &le; 0)
     */
    public static double chiSquaredUpper(double x, int df) {
        if (x <= 0) {
            return 1;
        }
        return RegularizedGamma.Q.value(0.5 * df, 0.5 * x);
    }

    /**
     * @param t the statistic
     * @param df degrees of freedom, positive
     * @return P(|T| &gt; |t|) for T Student t with df degrees of freedom
     */
    public static double studentTwoSided(double t, double df) {
        double x = df / (df + t * t);
        return RegularizedBeta.value(x, 0.5 * df, 0.5);
    }

    /**
     * @param level confidence level in (0, 1)
     * @return c with P(|Z| &gt; c) = 1 - level for standard normal Z
     */
    public static double normalCritical(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * @param level confidence level in (0, 1)
     * @param df degrees of freedom, positive
     * @return c with P(|T| &gt; c) = 1 - level for T Student t with df degrees of freedom
     */
    public static double studentCritical(double level, double df) {
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }
}
