package org.alliancelab.meta.confounding;

/**
 * The E-value of an association (VanderWeele &amp; Ding 2017, Annals of Internal Medicine 167,
 * 268-274, doi:10.7326/M16-2607): the smallest strength of association, on the risk-ratio scale,
 * that an unmeasured confounder would need with both exposure and outcome to explain the observed
 * risk ratio away, E = RR + sqrt(RR (RR - 1)) for RR &ge; 1 (1/RR first when RR &lt; 1). A
 * correlation r is put on that scale through the standardized mean difference
 * d = 2r / sqrt(1 - r<sup>2</sup>) and RR &asymp; exp(0.91 d) (VanderWeele 2017, Epidemiology 28,
 * e28-e29, doi:10.1097/EDE.0000000000000666, as the EValue package's {@code evalues.MD}).
 *
 * @param riskRatio the approximate risk ratio of the estimate
 * @param eValue the E-value of the estimate
 * @param eValueCi the E-value of the confidence bound closest to no association; 1 when the
 *     interval includes it
 */
public record EValue(double riskRatio, double eValue, double eValueCi) {

    /** The factor of the d-to-log-RR conversion. */
    static final double D_TO_LOG_RR = 0.91;

    /**
     * @param rr a risk ratio, positive and finite
     * @return its E-value, at least 1
     * @throws IllegalArgumentException for a risk ratio that is not positive and finite
     */
    public static double ofRiskRatio(double rr) {
        if (!(rr > 0 && rr < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a risk ratio must be positive and finite, got " + rr);
        }
        double r = rr < 1 ? 1 / rr : rr;
        return r + Math.sqrt(r * (r - 1));
    }

    /**
     * @param r a correlation in (-1, 1)
     * @return the approximate risk ratio exp(0.91 &middot; 2r / sqrt(1 - r<sup>2</sup>))
     * @throws IllegalArgumentException outside (-1, 1)
     */
    public static double riskRatioOfCorrelation(double r) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException("a correlation must lie in (-1, 1), got " + r);
        }
        return Math.exp(D_TO_LOG_RR * 2 * r / Math.sqrt(1 - r * r));
    }

    /**
     * @param r the estimated correlation
     * @param ciLower the lower confidence bound (correlation scale)
     * @param ciUpper the upper confidence bound
     * @return the E-values of the estimate and of its bound closest to 0
     * @throws IllegalArgumentException for values outside (-1, 1) or bounds that do not
     *     enclose the estimate
     */
    public static EValue ofCorrelation(double r, double ciLower, double ciUpper) {
        if (!(ciLower <= r && r <= ciUpper)) {
            throw new IllegalArgumentException("the interval [" + ciLower + ", " + ciUpper + "] must contain " + r);
        }
        double rr = riskRatioOfCorrelation(r);
        double ci = ciLower <= 0 && ciUpper >= 0 ? 1
            : ofRiskRatio(riskRatioOfCorrelation(r > 0 ? ciLower : ciUpper));
        return new EValue(rr, ofRiskRatio(rr), ci);
    }
}
