package org.alliancelab.meta.bias;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fail-safe numbers, as metafor's {@code fsn}.
 *
 * <ul>
 *   <li>Rosenthal: with z<sub>i</sub> = y<sub>i</sub>/sqrt(v<sub>i</sub>) and Stouffer's
 *       z&#x0304; = |&Sigma;z<sub>i</sub>|/sqrt(k) (one-sided p = 1 - &Phi;(z&#x0304;)), the number
 *       of added studies with z = 0 after which Stouffer's test is no longer significant at
 *       one-sided &alpha;: N = max(0, k (z&#x0304;/z<sub>1-&alpha;</sub>)<sup>2</sup> - k).
 *       Rosenthal, R. (1979). The file drawer problem and tolerance for null results.
 *       <i>Psychological Bulletin</i>, 86, 638-641. doi:10.1037/0033-2909.86.3.638</li>
 *   <li>Orwin: the number of added studies with effect 0 that bring the unweighted mean effect
 *       &#x0233; down to a target t: N = max(0, k (&#x0233; - t)/t). The target defaults to half
 *       of &#x0233; (then N = k); its sign is taken to be that of &#x0233;; a target of 0 gives
 *       N = &infin;. Orwin, R. G. (1983). A fail-safe N for effect size in meta-analysis.
 *       <i>Journal of Educational Statistics</i>, 8, 157-159. doi:10.3102/10769986008002157</li>
 * </ul>
 * A non-integer N is rounded up (a number of studies), unless it is within 1.5e-8 of a whole
 * number, which is then taken (metafor's rule).
 */
public final class FailSafeN {

    /** Default one-sided significance level of Rosenthal's method. */
    public static final double DEFAULT_ALPHA = 0.05;

    private FailSafeN() {
    }

    /**
     * Rosenthal's fail-safe N at one-sided &alpha; = 0.05.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @return the fail-safe N and Stouffer's p-value
     * @throws InvalidEffectSizeException for invalid inputs
     */
    public static FailSafeResult rosenthal(double[] yi, double[] vi) {
        return rosenthal(yi, vi, DEFAULT_ALPHA);
    }

    /**
     * Rosenthal's fail-safe N.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @param alpha one-sided significance level in (0, 1)
     * @return the fail-safe N and Stouffer's p-value
     * @throws InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException for no studies, different lengths or alpha outside (0, 1)
     */
    public static FailSafeResult rosenthal(double[] yi, double[] vi, double alpha) {
        check(yi, vi);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        int k = yi.length;
        double sz = 0;
        for (int i = 0; i < k; i++) {
            sz += yi[i] / Math.sqrt(vi[i]);
        }
        double zAvg = Math.abs(sz / Math.sqrt(k));
        NormalDistribution nd = NormalDistribution.of(0, 1);
        double p = nd.survivalProbability(zAvg);
        double crit = nd.inverseSurvivalProbability(alpha);
        double n = Math.max(0, k * (zAvg / crit) * (zAvg / crit) - k);
        return new FailSafeResult(FailSafeMethod.ROSENTHAL, wholeStudies(n), p, Double.NaN, Double.NaN);
    }

    /**
     * Orwin's fail-safe N with the target half the mean effect.
     *
     * @param yi effect sizes
     * @return the fail-safe N
     * @throws IllegalArgumentException for no studies or a non-finite effect size
     */
    public static FailSafeResult orwin(double[] yi) {
        double mean = mean(yi);
        return orwin(yi, mean / 2);
    }

    /**
     * Orwin's fail-safe N.
     *
     * @param yi effect sizes
     * @param target the mean effect to reach by adding studies of effect 0 (its sign is set to
     *     that of the observed mean)
     * @return the fail-safe N
     * @throws IllegalArgumentException for no studies, a non-finite effect size or target
     */
    public static FailSafeResult orwin(double[] yi, double target) {
        double mean = mean(yi);
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite: " + target);
        }
        double t = Math.signum(target) != Math.signum(mean) ? -target : target;
        double n = t == 0 ? Double.POSITIVE_INFINITY : Math.max(0, yi.length * (mean - t) / t);
        return new FailSafeResult(FailSafeMethod.ORWIN, wholeStudies(n), Double.NaN, mean, t);
    }

    private static double wholeStudies(double n) {
        if (Double.isInfinite(n)) {
            return n;
        }
        return Math.abs(n - Math.rint(n)) >= Math.sqrt(Math.ulp(1.0)) ? Math.ceil(n) : Math.rint(n);
    }

    private static double mean(double[] yi) {
        if (yi.length == 0) {
            throw new IllegalArgumentException("no studies");
        }
        double s = 0;
        for (int i = 0; i < yi.length; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new InvalidEffectSizeException(i, "yi", "effect size is not a finite number");
            }
            s += yi[i];
        }
        return s / yi.length;
    }

    private static void check(double[] yi, double[] vi) {
        if (yi.length == 0 || vi.length != yi.length) {
            throw new IllegalArgumentException("yi and vi must have the same, non-zero length");
        }
        EffectSizeChecks.requireValid(yi, vi);
    }
}
