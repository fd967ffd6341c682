package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * E-values (VanderWeele &amp; Ding 2017): the minimum strength of association, on the risk
 * ratio scale, that an unmeasured confounder would need with both the exposure and the
 * outcome, conditional on the measured covariates, to explain away an observed association.
 *
 * <p>For a risk ratio RR &ge; 1, E = RR + sqrt(RR (RR - 1)); a risk ratio below 1 is inverted
 * first (RR* = 1/RR), so E(RR) = E(1/RR) and E(1) = 1. For a confidence interval, the E-value
 * of the bound closest to the null; 1 when the interval includes the null.
 *
 * <p>A correlation r is put on the risk ratio scale through Cohen's d and the approximation
 * RR = exp(0.91 d), d = 2r / sqrt(1 - r<sup>2</sup>) ({@link Correlations#toLogRiskRatio(double)};
 * VanderWeele 2017, doi:10.1097/EDE.0000000000000663, the convention of the R package EValue's
 * {@code evalues.MD}). The conversion is monotone, so the interval of r maps to the interval of RR.
 *
 * <p>Reference: VanderWeele, T. J. &amp; Ding, P. (2017). Sensitivity analysis in observational
 * research: introducing the E-value. <i>Annals of Internal Medicine</i>, 167, 268-274.
 * doi:10.7326/M16-2607
 */
public final class EValue {

    private EValue() {
    }

    /**
     * @param riskRatio a risk ratio, positive (infinity allowed)
     * @return E = RR* + sqrt(RR* (RR* - 1)) with RR* = max(RR, 1/RR); 1 at RR = 1
     * @throws IllegalArgumentException when the risk ratio is not positive or NaN
     */
    public static double ofRiskRatio(double riskRatio) {
        if (!(riskRatio > 0)) {
            throw new IllegalArgumentException("risk ratio must be positive, got " + riskRatio);
        }
        double rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
        if (rr == Double.POSITIVE_INFINITY) {
            return rr;
        }
        return rr + Math.sqrt(rr * (rr - 1));
    }

    /**
     * E-values of a risk ratio and of its confidence interval.
     *
     * @param riskRatio the point estimate, positive
     * @param ciLower lower confidence bound, positive, at most the estimate
     * @param ciUpper upper confidence bound, at least the estimate
     * @return the E-values; the interval's bound closest to 1, or NaN when the interval includes 1
     * @throws IllegalArgumentException when a value is not positive or the bounds are not ordered
     */
    public static EValueResult ofRiskRatio(double riskRatio, double ciLower, double ciUpper) {
        double e = ofRiskRatio(riskRatio);
        if (!(ciLower > 0 && ciLower <= riskRatio && riskRatio <= ciUpper)) {
            throw new IllegalArgumentException("confidence bounds must be positive and enclose the estimate, got ["
                + ciLower + ", " + ciUpper + "] around " + riskRatio);
        }
        double bound;
        if (ciLower > 1) {
            bound = ciLower;
        } else if (ciUpper < 1) {
            bound = ciUpper;
        } else {
            return new EValueResult(riskRatio, e, Double.NaN, 1);
        }
        return new EValueResult(riskRatio, e, bound, ofRiskRatio(bound));
    }

    /**
     * E-values of a correlation and its confidence interval, through RR = exp(0.91 d).
     *
     * @param r the correlation, in (-1, 1)
     * @param ciLower lower confidence bound, in [-1, r]
     * @param ciUpper upper confidence bound, in [r, 1]
     * @return the E-values of RR = exp(0.91 d(r)) and of its interval
     * @throws IllegalArgumentException when r is outside (-1, 1) or the bounds are not ordered
     */
    public static EValueResult ofCorrelation(double r, double ciLower, double ciUpper) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException("correlation must lie strictly between -1 and 1, got " + r);
        }
        if (!(ciLower >= -1 && ciLower <= r && r <= ciUpper && ciUpper <= 1)) {
            throw new IllegalArgumentException("confidence bounds must lie in [-1, 1] and enclose the correlation, got ["
                + ciLower + ", " + ciUpper + "] around " + r);
        }
        return ofRiskRatio(riskRatio(r), riskRatio(ciLower), riskRatio(ciUpper));
    }

    /**
     * E-values of a pooled correlation: the estimate and the confidence bounds of the fit on the
     * correlation scale (back-transformed with r = tanh(z) for the Fisher-z measures).
     *
     * @param pooled the fit
     * @param measure the measure of the pooled effect sizes
     * @return the E-values of the pooled correlation and of its interval
     * @throws IllegalArgumentException when the pooled correlation is not in (-1, 1)
     */
    public static EValueResult ofPooled(MetaAnalysisResult pooled, CorrelationMeasure measure) {
        CorrelationScale c = CorrelationScale.of(pooled, measure);
        return ofCorrelation(c.r(), c.ciLower(), c.ciUpper());
    }

    /** RR = exp(0.91 d(r)); 0 and infinity at r = -1 and 1. */
    static double riskRatio(double r) {
        if (r == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (r == -1) {
            return 0;
        }
        return Math.exp(Correlations.toLogRiskRatio(r));
    }
}
