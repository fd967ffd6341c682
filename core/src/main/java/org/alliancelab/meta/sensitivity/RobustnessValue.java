package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * The robustness value of Cinelli &amp; Hazlett (2020), as the R package sensemakr's
 * {@code robustness_value}, {@code partial_r2} and {@code partial_f2}: how much of the residual
 * variance of both the exposure D and the outcome Y an unobserved confounder would have to
 * explain to change the estimate of D's effect by 100q% (RV<sub>q</sub>), or to make it lose
 * significance at level &alpha; once reduced by 100q% (RV<sub>q,&alpha;</sub>).
 *
 * <p>For a regression coefficient with t statistic t on df residual degrees of freedom (a
 * partial correlation r with t = r sqrt(df) / sqrt(1 - r<sup>2</sup>)):
 * <ul>
 *   <li>partial R<sup>2</sup> of D with Y: R<sup>2</sup><sub>Y~D|X</sub> = t<sup>2</sup> / (t<sup>2</sup> + df) = r<sup>2</sup>;</li>
 *   <li>partial Cohen's f = |t| / sqrt(df) = |r| / sqrt(1 - r<sup>2</sup>), f<sub>q</sub> = q f;</li>
 *   <li>RV<sub>q</sub> = &frac12; (sqrt(f<sub>q</sub><sup>4</sup> + 4 f<sub>q</sub><sup>2</sup>) - f<sub>q</sub><sup>2</sup>),
 *       computed as 2 f<sub>q</sub> / (f<sub>q</sub> + sqrt(f<sub>q</sub><sup>2</sup> + 4)), the same value without cancellation;</li>
 *   <li>RV<sub>q,&alpha;</sub>, with f*<sub>&alpha;,df-1</sub> = |t<sub>&alpha;/2, df-1</sub>| / sqrt(df - 1) and
 *       f<sub>q,&alpha;</sub> = f<sub>q</sub> - f*: 0 when f<sub>q</sub> &le; f*;
 *       (f<sub>q</sub><sup>2</sup> - f*<sup>2</sup>) / (1 + f<sub>q</sub><sup>2</sup>) when f<sub>q</sub> &gt; 1/f*
 *       (the confounder's association with Y is then not the binding constraint; the paper's
 *       closed form, sensemakr's {@code rvx}); otherwise the formula of RV<sub>q</sub> with
 *       f<sub>q,&alpha;</sub> in place of f<sub>q</sub>.</li>
 * </ul>
 * RV<sub>q,&alpha;</sub> needs df &gt; 1 and is NaN otherwise.
 *
 * <p>Reference: Cinelli, C. &amp; Hazlett, C. (2020). Making sense of sensitivity: extending
 * omitted variable bias. <i>Journal of the Royal Statistical Society, Series B</i>, 82, 39-67.
 * doi:10.1111/rssb.12348
 */
public final class RobustnessValue {

    /** The default q: the confounding that brings the estimate to zero. */
    public static final double DEFAULT_Q = 1;
    /** The default significance level of RV_q,alpha. */
    public static final double DEFAULT_ALPHA = 0.05;

    private final double q;
    private final double alpha;

    private RobustnessValue(double q, double alpha) {
        this.q = q;
        this.alpha = alpha;
    }

    /** @return the robustness value with q = 1 and alpha = 0.05, sensemakr's defaults */
    public static RobustnessValue of() {
        return new RobustnessValue(DEFAULT_Q, DEFAULT_ALPHA);
    }

    /**
     * @param fraction q, the fraction of the estimate the confounding removes, positive
     * @return a copy with that q
     * @throws IllegalArgumentException when q is not positive and finite
     */
    public RobustnessValue withQ(double fraction) {
        if (!(fraction > 0 && fraction < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("q must be positive and finite, got " + fraction);
        }
        return new RobustnessValue(fraction, alpha);
    }

    /**
     * @param level alpha, the significance level of RV_q,alpha, in (0, 1)
     * @return a copy with that level
     * @throws IllegalArgumentException when alpha is not in (0, 1)
     */
    public RobustnessValue withAlpha(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, got " + level);
        }
        return new RobustnessValue(q, level);
    }

    /**
     * @param t the t statistic of the exposure's coefficient, finite
     * @param df the regression's residual degrees of freedom, positive
     * @return the robustness values and the partial R<sup>2</sup>
     * @throws IllegalArgumentException when t is not finite or df is not positive
     */
    public RobustnessValueResult ofT(double t, double df) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("t statistic must be finite, got " + t);
        }
        checkDf(df);
        return compute(Math.abs(t) / Math.sqrt(df), t, df);
    }

    /**
     * @param r the partial correlation of exposure and outcome, in (-1, 1)
     * @param df the regression's residual degrees of freedom, positive
     * @return the robustness values and the partial R<sup>2</sup>, with t = r sqrt(df) / sqrt(1 - r<sup>2</sup>)
     * @throws IllegalArgumentException when r is not in (-1, 1) or df is not positive
     */
    public RobustnessValueResult ofPartialCorrelation(double r, double df) {
        checkCorrelation(r);
        checkDf(df);
        double f = Math.abs(r) / Math.sqrt(1 - r * r);
        return compute(f, Math.copySign(f * Math.sqrt(df), r), df);
    }

    /**
     * One study's robustness values: its (partial) correlation with the residual degrees of
     * freedom of the regression of the outcome on the exposure and p covariates, df = n - p - 2.
     *
     * @param r the study's (partial) correlation, in (-1, 1)
     * @param n its sample size
     * @param covariates p, the covariates partialled out (0 for a zero-order correlation)
     * @return the robustness values on df = n - p - 2
     * @throws IllegalArgumentException when r is not in (-1, 1), p is negative or n - p - 2 &le; 0
     */
    public RobustnessValueResult ofStudy(double r, int n, int covariates) {
        if (covariates < 0) {
            throw new IllegalArgumentException("number of covariates must not be negative, got " + covariates);
        }
        int df = n - covariates - 2;
        if (df <= 0) {
            throw new IllegalArgumentException("sample size n = " + n + " leaves no residual degrees of freedom with "
                + covariates + " covariates");
        }
        return ofPartialCorrelation(r, df);
    }

    /**
     * The robustness values of a pooled (partial) correlation r&#x0302; (tanh of the estimate for
     * the Fisher-z measures), on the effective degrees of freedom implied by the pooled estimate's
     * precision: the df at which a single regression with partial correlation r&#x0302; has the
     * pooled test statistic t&#x0302; = estimate/SE as its t statistic,
     * df<sub>eff</sub> = t&#x0302;<sup>2</sup> (1 - r&#x0302;<sup>2</sup>) / r&#x0302;<sup>2</sup>, so
     * that R<sup>2</sup><sub>Y~D|X</sub> = t&#x0302;<sup>2</sup> / (t&#x0302;<sup>2</sup> + df<sub>eff</sub>) = r&#x0302;<sup>2</sup>.
     * The between-study variance thus enters RV<sub>q,&alpha;</sub> through the SE; RV<sub>q</sub>
     * depends on r&#x0302; alone. The critical value in f* is the pooled test's (the normal
     * quantile for the z test, t on k - 1 df for Knapp-Hartung), so that RV<sub>q,&alpha;</sub> is
     * the strength at which the pooled estimate, so reduced, loses its significance. A pooled correlation of exactly 0 has RV<sub>q</sub> =
     * RV<sub>q,&alpha;</sub> = 0 and no df (NaN).
     *
     * @param pooled the fit
     * @param measure the measure of the pooled effect sizes
     * @return the robustness values of the pooled correlation
     * @throws IllegalArgumentException when the pooled correlation is not in (-1, 1)
     */
    public RobustnessValueResult ofPooled(MetaAnalysisResult pooled, CorrelationMeasure measure) {
        double r = CorrelationScale.of(pooled, measure).r();
        checkCorrelation(r);
        double t = pooled.statistic();
        if (r == 0) {
            return new RobustnessValueResult(t, Double.NaN, 0, 0, q, alpha, 0, 0);
        }
        double df = t * t * (1 - r * r) / (r * r);
        // the pooled test's own critical value: RV_q,alpha is where the pooled estimate, not a
        // regression on df_eff - 1 df, loses its significance
        double critical = pooled.test() == InferenceTest.KNHA
            ? TailProbabilities.studentCritical(1 - alpha, pooled.k() - 1)
            : TailProbabilities.normalCritical(1 - alpha);
        return compute(Math.abs(r) / Math.sqrt(1 - r * r), t, df, critical);
    }

    private RobustnessValueResult compute(double f, double t, double df) {
        return compute(f, t, df, df > 1 ? TailProbabilities.studentCritical(1 - alpha, df - 1) : Double.NaN);
    }

    /** With the critical value of the test whose significance the confounder should remove. */
    private RobustnessValueResult compute(double f, double t, double df, double critical) {
        double fq = q * f;
        double rvQ = rv(fq);
        double rvQAlpha;
        if (!(df > 1) || !(critical > 0)) {
            rvQAlpha = Double.NaN;
        } else {
            double fCrit = critical / Math.sqrt(df - 1);
            double fqa = fq - fCrit;
            if (fqa <= 0) {
                rvQAlpha = 0;
            } else if (fq > 1 / fCrit) {
                rvQAlpha = (fq * fq - fCrit * fCrit) / (1 + fq * fq);
            } else {
                rvQAlpha = rv(fqa);
            }
        }
        return new RobustnessValueResult(t, df, f * f / (1 + f * f), f, q, alpha, rvQ, rvQAlpha);
    }

    /** &frac12; (sqrt(x<sup>4</sup> + 4x<sup>2</sup>) - x<sup>2</sup>) = 2x / (x + sqrt(x<sup>2</sup> + 4)) for x &ge; 0. */
    private static double rv(double x) {
        return 2 * x / (x + Math.sqrt(x * x + 4));
    }

    private static void checkDf(double df) {
        if (!(df > 0 && df < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("residual degrees of freedom must be positive and finite, got " + df);
        }
    }

    private static void checkCorrelation(double r) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException("correlation must lie strictly between -1 and 1, got " + r);
        }
    }
}
