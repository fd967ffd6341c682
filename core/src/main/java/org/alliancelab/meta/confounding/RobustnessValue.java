package org.alliancelab.meta.confounding;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The robustness value of a regression coefficient (Cinelli &amp; Hazlett 2020, JRSS-B 82,
 * 39-67, doi:10.1111/rssb.12348): the partial R<sup>2</sup> that an unmeasured confounder would
 * need with both the exposure and the outcome (given the covariates) to reduce the estimate by
 * 100q% (RV<sub>q</sub>), or to make it no longer significant at level &alpha; after that
 * reduction (RV<sub>q,&alpha;</sub>). With the partial Cohen's f = t / sqrt(df) of the
 * coefficient, f<sub>q</sub> = q|f| and
 * RV = &frac12;(sqrt(f<sub>q</sub><sup>4</sup> + 4f<sub>q</sub><sup>2</sup>) - f<sub>q</sub><sup>2</sup>);
 * for RV<sub>q,&alpha;</sub>, f<sub>q</sub> is replaced by f<sub>q</sub> - f*, with
 * f* = |t<sub>&alpha;/2, df-1</sub>| / sqrt(df - 1): 0 when f<sub>q</sub> &le; f*, and
 * (f<sub>q</sub><sup>2</sup> - f*<sup>2</sup>)/(1 + f<sub>q</sub><sup>2</sup>) when the bound on the
 * confounder's association with the exposure does not bind (f<sub>q</sub> &gt; 1/f*).
 *
 * @param q the share of the estimate to explain away (1: all of it)
 * @param alpha the significance level of RV<sub>q,&alpha;</sub>
 * @param df the residual degrees of freedom of the regression
 * @param partialR2 the partial R<sup>2</sup> of the exposure with the outcome, t<sup>2</sup>/(t<sup>2</sup> + df)
 * @param rvQ RV<sub>q</sub>
 * @param rvQAlpha RV<sub>q,&alpha;</sub>
 */
public record RobustnessValue(double q, double alpha, double df, double partialR2, double rvQ, double rvQAlpha) {

    /**
     * @param t the coefficient's t statistic
     * @param df the residual degrees of freedom, greater than 1
     * @param q the share of the estimate to explain away, positive
     * @param alpha the significance level, in (0, 1)
     * @return the robustness values
     * @throws IllegalArgumentException for a non-finite t, df &le; 1, q &le; 0 or alpha outside (0, 1)
     */
    public static RobustnessValue ofT(double t, double df, double q, double alpha) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("the t statistic must be finite, got " + t);
        }
        if (!(df > 1 && df < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the degrees of freedom must exceed 1, got " + df);
        }
        if (!(q > 0 && q < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("q must be positive, got " + q);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double fq = q * Math.abs(t) / Math.sqrt(df);
        double critical = TDistribution.of(df - 1).inverseSurvivalProbability(alpha / 2) / Math.sqrt(df - 1);
        double fqa = fq - critical;
        double rvAlpha;
        if (fqa <= 0) {
            rvAlpha = 0;
        } else if (fq > 1 / critical) {
            rvAlpha = (fq * fq - critical * critical) / (1 + fq * fq);
        } else {
            rvAlpha = rv(fqa);
        }
        return new RobustnessValue(q, alpha, df, t * t / (t * t + df), rv(fq), rvAlpha);
    }

    /**
     * The robustness values of a partial correlation, through its t statistic
     * t = r sqrt(df) / sqrt(1 - r<sup>2</sup>) (the t of the coefficient in the regression that
     * defines it).
     *
     * @param r the partial correlation, in (-1, 1)
     * @param df the residual degrees of freedom (n - p - 2 for p covariates)
     * @param q the share to explain away
     * @param alpha the significance level
     * @return the robustness values
     * @throws IllegalArgumentException for r outside (-1, 1) or the arguments of {@link #ofT}
     */
    public static RobustnessValue ofPartialCorrelation(double r, double df, double q, double alpha) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException("a partial correlation must lie in (-1, 1), got " + r);
        }
        return ofT(r * Math.sqrt(df) / Math.sqrt(1 - r * r), df, q, alpha);
    }

    private static double rv(double f) {
        double f2 = f * f;
        return 0.5 * (Math.sqrt(f2 * f2 + 4 * f2) - f2);
    }
}
