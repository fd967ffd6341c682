package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Sensitivity analysis of a random-effects meta-analysis for unmeasured confounding, the
 * parametric method of Mathur &amp; VanderWeele (2020), as the R package EValue's
 * {@code confounded_meta(method = "parametric", sigB = 0)}: the true (confounded) log risk
 * ratios are N(&mu;, &tau;<sup>2</sup>), and a bias factor B of the same size in every study
 * is removed from them.
 *
 * <p>For an apparently causative pooled effect (&mu; &ge; 0), with q the threshold of a
 * meaningful true log risk ratio and r the proportion to which it is to be reduced:
 * <ul>
 *   <li>P(q, B) = 1 - &Phi;((q + log B - &mu;) / &tau;), the proportion of true effects above
 *       q once the bias is removed;</li>
 *   <li>T<sub>min</sub> = max(1, exp(&mu; - q + &tau; &Phi;<sup>-1</sup>(1 - r))), the smallest
 *       bias factor that brings that proportion below r;</li>
 *   <li>G<sub>min</sub> = T<sub>min</sub> + sqrt(T<sub>min</sub> (T<sub>min</sub> - 1)), the
 *       confounding strength (the risk ratio of the confounder with exposure and with outcome,
 *       both equal) that produces the bias T<sub>min</sub> (the E-value formula of T<sub>min</sub>).</li>
 * </ul>
 * For an apparently preventive one (&mu; &lt; 0) the tail below q is counted and the bias
 * removed upwards: P = &Phi;((q - log B - &mu;) / &tau;), T<sub>min</sub> =
 * max(1, exp(q - &mu; + &tau; &Phi;<sup>-1</sup>(1 - r))).
 *
 * <p>Edge cases: T<sub>min</sub> = G<sub>min</sub> = 1 when the proportion is already below r
 * without bias (EValue: {@code max(1, ...)}). With &tau; = 0 every true effect equals &mu;, so
 * P is 1 when the bias-corrected &mu; lies strictly beyond q and 0 otherwise, and T<sub>min</sub>
 * = max(1, exp(&mu; - q)) (exp(q - &mu;) preventive): the limits as &tau; goes to 0
 * (EValue refuses &tau;<sup>2</sup> = 0 with "Must have t2 &gt; sigB^2").
 *
 * <p>Reference: Mathur, M. B. &amp; VanderWeele, T. J. (2020). Sensitivity analysis for
 * unmeasured confounding in meta-analyses. <i>Journal of the American Statistical Association</i>,
 * 115, 163-172. doi:10.1080/01621459.2018.1529598
 */
public final class ConfoundedMetaAnalysis {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Default proportion r to which T_min and G_min reduce the meaningful effects. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    private final double q;
    private final double bias;
    private final double threshold;

    private ConfoundedMetaAnalysis(double q, double bias, double threshold) {
        this.q = q;
        this.bias = bias;
        this.threshold = threshold;
    }

    /**
     * @param q the threshold of a meaningful true effect, a log risk ratio (e.g. log 1.1)
     * @return the analysis with no bias (B = 1) and r = 0.1
     * @throws IllegalArgumentException when q is not finite
     */
    public static ConfoundedMetaAnalysis of(double q) {
        if (!Double.isFinite(q)) {
            throw new IllegalArgumentException("threshold q must be a finite log risk ratio, got " + q);
        }
        return new ConfoundedMetaAnalysis(q, 1, DEFAULT_THRESHOLD);
    }

    /**
     * @param q the threshold of a meaningful true correlation, in (-1, 1); it is put on the log
     *     risk ratio scale by {@link Correlations#toLogRiskRatio(double)}
     * @return the analysis with that threshold, no bias and r = 0.1
     * @throws IllegalArgumentException when q is not in (-1, 1)
     */
    public static ConfoundedMetaAnalysis ofCorrelationThreshold(double q) {
        if (!(q > -1 && q < 1)) {
            throw new IllegalArgumentException("threshold q must be a correlation strictly between -1 and 1, got " + q);
        }
        return of(Correlations.toLogRiskRatio(q));
    }

    /**
     * @param b the bias factor B on the risk ratio scale, at least 1 (1: no bias)
     * @return a copy removing that bias
     * @throws IllegalArgumentException when B is below 1 or not finite
     */
    public ConfoundedMetaAnalysis withBias(double b) {
        if (!(b >= 1 && b < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bias factor must be a finite risk ratio of at least 1, got " + b);
        }
        return new ConfoundedMetaAnalysis(q, b, threshold);
    }

    /**
     * @param r the proportion to which T_min and G_min reduce the meaningful effects, in (0, 1)
     * @return a copy with that threshold
     * @throws IllegalArgumentException when r is not in (0, 1)
     */
    public ConfoundedMetaAnalysis withThreshold(double r) {
        if (!(r > 0 && r < 1)) {
            throw new IllegalArgumentException("proportion threshold r must lie strictly between 0 and 1, got " + r);
        }
        return new ConfoundedMetaAnalysis(q, bias, r);
    }

    /**
     * @param mu the pooled log risk ratio
     * @param tau the standard deviation of the true log risk ratios, &ge; 0
     * @return P(q, B), T_min and G_min
     * @throws IllegalArgumentException when mu is not finite or tau is negative or not finite
     */
    public ConfoundedMetaAnalysisResult fit(double mu, double tau) {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("pooled log risk ratio must be finite, got " + mu);
        }
        if (!(tau >= 0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau must be finite and not negative, got " + tau);
        }
        double logB = Math.log(bias);
        double zr = STANDARD_NORMAL.inverseSurvivalProbability(threshold);
        EffectDirection direction;
        double proportion;
        double logT;
        if (mu >= 0) {
            direction = EffectDirection.APPARENTLY_CAUSATIVE;
            double corrected = mu - logB;
            proportion = tau > 0 ? STANDARD_NORMAL.survivalProbability((q - corrected) / tau) : corrected > q ? 1 : 0;
            logT = mu - q + tau * zr;
        } else {
            direction = EffectDirection.APPARENTLY_PREVENTIVE;
            double corrected = mu + logB;
            proportion = tau > 0 ? STANDARD_NORMAL.cumulativeProbability((q - corrected) / tau) : corrected < q ? 1 : 0;
            logT = q - mu + tau * zr;
        }
        double tMin = Math.max(1, Math.exp(logT));
        return new ConfoundedMetaAnalysisResult(direction, mu, tau, q, bias, threshold, proportion, tMin,
            EValue.ofRiskRatio(tMin));
    }

    /**
     * The analysis of a pooled correlation, on the log risk ratio scale of
     * {@link Correlations#toLogRiskRatio(double)}: &mu; = g(r&#x0302;) and, by the delta method
     * (linear scaling at the estimate), &tau;<sub>log RR</sub> = g'(r&#x0302;) &tau;, with g' the
     * slope on the analysis scale (1.82 / (1 - r&#x0302;<sup>2</sup>)<sup>3/2</sup> for raw
     * correlations, 1.82 / sqrt(1 - r&#x0302;<sup>2</sup>) for Fisher's z).
     *
     * @param pooled the random-effects fit
     * @param measure the measure of the pooled effect sizes
     * @return P(q, B), T_min and G_min on the log risk ratio scale
     * @throws IllegalArgumentException when the pooled correlation is not in (-1, 1)
     */
    public ConfoundedMetaAnalysisResult fitPooled(MetaAnalysisResult pooled, CorrelationMeasure measure) {
        CorrelationScale c = CorrelationScale.of(pooled, measure);
        if (!(c.r() > -1 && c.r() < 1)) {
            throw new IllegalArgumentException("pooled correlation must lie strictly between -1 and 1, got " + c.r());
        }
        return fit(Correlations.toLogRiskRatio(c.r()), c.logRiskRatioSlope() * pooled.tau());
    }
}
